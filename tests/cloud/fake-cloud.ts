/**
 * The cloud the function tests run on: the real wx-server-sdk 4.0.2, its requests answered by the
 * CloudBase emulation (tests/cloudbase) — a database server with the store's collections (or none, as a
 * fresh environment), and WeChat's open APIs and storage, which record each call as WeChat receives it
 * and answer as the test scripts them. `invoke` runs a function's main as an invocation by a WeChat user.
 */
import type { WxCloud } from '../../adapters/cloudbase/cloud-types';
import { collections } from '../../adapters/cloudbase/collections';
import type { WxDatabase } from '../../adapters/cloudbase/wx-types';
import { countingCode } from '../app/arena';
import type { CloudMain } from '../../cloud/deps';
import { emulate } from '../cloudbase/setup';
import type { CloudEmulator } from '../cloudbase/emulator';
import type { CloudDbServer } from '../cloudbase/server';
import type { WxBody, WxServices } from '../cloudbase/wx-services';

export interface TestCloud {
  /** The SDK's `cloud`, initialised as a function initialises it. */
  cloud: WxCloud;
  /** The SDK's database of this environment. */
  db: WxDatabase;
  server: CloudDbServer;
  services: WxServices;
  emulator: CloudEmulator;
  /** Runs `main` as an invocation by `openid` (null: the timer or the console, no user). */
  invoke(main: CloudMain, openid: string | null, event: unknown): ReturnType<CloudMain>;
  /** Subscription messages sent, as WeChat received them (`touser`, `template_id`, `data`, …). */
  sent(): WxBody[];
  /** Uninstalls the emulation. */
  done(): void;
}

const context = { callbackWaitsForEmptyEventLoop: false, memory_limit_in_mb: 256, function_name: 'test' };

export function createTestCloud(options: { fresh?: boolean } = {}): TestCloud {
  const env = emulate({ collections: options.fresh ? [] : Object.values(collections) });
  return {
    ...env,
    invoke: (main, openid, event) => env.emulator.asCaller(openid, () => main(event, context)),
    sent: () => env.services.callsOf('subscribeMessage.send'),
  };
}

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
    hashToken: (token: string) => `hash-of-${token}`,
    newCode: (length: number, alphabet: string) => countingCode((n += 1), length, alphabet),
  };
}

export const quiet = (): void => undefined;
