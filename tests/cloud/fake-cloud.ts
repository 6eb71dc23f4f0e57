/**
 * A fake of wx-server-sdk's `cloud` for the function tests: the database double from tests/wx, a WX
 * context the test sets (who is calling), and open APIs and storage that record each call and answer
 * as the test says. No SDK, no network.
 */
import type {
  MsgSecCheckParams,
  MsgSecCheckResult,
  SubscribeSendParams,
  TempFileUrlResult,
  WxCloud,
  WxContext,
  WxOpenApiResult,
} from '../../adapters/cloudbase/cloud-types';
import { countingCode } from '../../core/app/test-arena';
import { createDbDouble, type DoubleOptions } from '../wx/db-double';

type Answer<P, R> = (params: P) => Promise<R>;

export function createFakeCloud(options: DoubleOptions = {}) {
  const double = createDbDouble(options);
  let context: WxContext = {};
  const sent: SubscribeSendParams[] = [];
  const checked: MsgSecCheckParams[] = [];
  const answers = {
    send: (async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })) as Answer<
      SubscribeSendParams,
      WxOpenApiResult
    >,
    check: (async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })) as Answer<
      MsgSecCheckParams,
      MsgSecCheckResult
    >,
  };

  const cloud: WxCloud = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    database: () => double.db,
    getWXContext: () => ({ ...context }),
    openapi: {
      subscribeMessage: {
        send: (p) => {
          sent.push(p);
          return answers.send(p);
        },
      },
      security: {
        msgSecCheck: (p) => {
          checked.push(p);
          return answers.check(p);
        },
      },
    },
    getTempFileURL: async ({ fileList }): Promise<TempFileUrlResult> => ({
      fileList: fileList.map((fileID) => ({
        fileID,
        status: 0,
        tempFileURL: `https://tmp.example/${fileID.replace('cloud://', '')}?sign=1`,
      })),
    }),
  };

  return {
    cloud,
    double,
    sent,
    checked,
    answers,
    /** The next calls come from this OPENID (undefined: no OPENID, as from the console or a timer). */
    callAs(openid: string | undefined) {
      context = openid === undefined ? {} : { OPENID: openid, APPID: 'wx-test-app', ENV: 'test-env' };
    },
  };
}

export type FakeCloud = ReturnType<typeof createFakeCloud>;

/** Epoch ms of a Shanghai wall-clock time. */
export const shanghai = (day: string, time: string): number => Date.parse(`${day}T${time}:00+08:00`);

/** A clock the test moves. */
export function testClock(start: number) {
  let now = start;
  return {
    clock: { now: () => now },
    set: (ms: number) => void (now = ms),
  };
}

/** Ids that never collide within a test and read well in failures. */
export function testIds(prefix = 'id') {
  let n = 0;
  return {
    newId: () => `${prefix}-${(n += 1)}`,
    newToken: () => `${prefix}-token-${(n += 1)}`,
    newCode: (length: number, alphabet: string) => countingCode((n += 1), length, alphabet),
  };
}

export const quiet = (): void => undefined;
