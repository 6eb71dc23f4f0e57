/**
 * The WeChat cloud, emulated below the real wx-server-sdk 4.0.2: `install()` replaces the methods through
 * which the SDK's requests leave the process, so that the SDK builds every request and reads every answer
 * as in production while ./server.ts (the database) and ./wx-services.ts (open APIs, storage) answer them.
 * Nothing reaches the network: a request of any other service is refused. `asCaller` runs a cloud function
 * invocation with the caller's WX context in the environment, where `cloud.getWXContext()` reads it.
 */
import { TcbApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbapirequester';
import { TcbDBApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbdbapirequester';
import { TcbOpenApiHttpCommonRequester } from '@cloudbase/node-sdk/dist/utils/tcbopenapicommonrequester';
import { TcbOpenApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbopenapirequester';
import { callerVars, overlayEnv, runAs } from './context';
import { decodeOpenApiRequest, encodeOpenApiResponse } from './protobuf';
import { createCloudDbServer, type CloudDbServer } from './server';
import { answerOpenApi, answerTempFiles, createWxServices, type WxServices } from './wx-services';

export { loadFunctionBundle } from './bundle';

export interface CloudEmulator {
  /** Routes the real wx-server-sdk loaded in this process (database, and also openapi.subscribeMessage.send, openapi.security.msgSecCheck / mediaCheckAsync, getTempFileURL, which tests can answer) to this emulation; returns an undo. */
  install(): () => void;
  /** Runs fn as a cloud function invocation by this WeChat user: cloud.getWXContext().OPENID is `openid` inside. */
  asCaller<T>(openid: string | null, fn: () => Promise<T>): Promise<T>;
  roundTrips(): number;
  resetRoundTrips(): void;
  /** the live documents of a collection, for assertions */
  dump(collection: string): Record<string, unknown>[];
}

export interface CloudEmulatorOptions {
  /** The database server (default: a new one holding `collections`). Keep a handle to inject conflicts. */
  server?: CloudDbServer;
  /** Collections that exist at the start when no `server` is given (a fresh environment has none). */
  collections?: readonly string[];
  /** WeChat's side (default: everything passes). Keep a handle to script answers and read the calls. */
  services?: WxServices;
  /** The environment id (`ENV` of the WX context). */
  env?: string;
  /** The mini-program's AppID (`APPID` of the WX context). */
  appid?: string;
}

const refuse = async (): Promise<never> => {
  throw new Error('emulator: this service is not emulated, and the network is off');
};

export function createCloudEmulator(options: CloudEmulatorOptions = {}): CloudEmulator {
  const server = options.server ?? createCloudDbServer({ collections: options.collections ?? [] });
  const services = options.services ?? createWxServices();
  const env = options.env ?? 'test-env';
  const appid = options.appid ?? 'wx-test-app';
  let trips = 0;

  async function service(params: Record<string, unknown>): Promise<unknown> {
    if (params.action === 'wx.openApi') {
      const request = decodeOpenApiRequest(params.requestData as Uint8Array);
      return encodeOpenApiResponse(await answerOpenApi(services, String(params.apiName), request));
    }
    if (params.action === 'storage.batchGetDownloadUrl') return answerTempFiles(services, params.file_list);
    return refuse();
  }

  return {
    install() {
      const db = TcbDBApiHttpRequester.prototype;
      const api = TcbApiHttpRequester.prototype;
      const saved = {
        send: db.send,
        request: api.request,
        openApi: TcbOpenApiHttpRequester.prototype.request,
        common: TcbOpenApiHttpCommonRequester.prototype.request,
      };
      db.send = async (action, data) => {
        trips += 1;
        // The requester sends JSON: what the server gets holds no references into the caller's objects.
        return server.handle(action, JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>);
      };
      api.request = async function request() {
        trips += 1;
        return service(this.args.params);
      };
      TcbOpenApiHttpRequester.prototype.request = refuse;
      TcbOpenApiHttpCommonRequester.prototype.request = refuse;
      const restoreEnv = overlayEnv({
        TCB_ENV: env,
        SCF_NAMESPACE: env,
        // Credentials and "in Tencent Cloud" as a deployed function has them: the SDK then neither
        // rejects for missing keys nor asks the metadata service where it runs.
        TENCENTCLOUD: 'true',
        TENCENTCLOUD_SECRETID: 'emulated-secret-id',
        TENCENTCLOUD_SECRETKEY: 'emulated-secret-key',
        TENCENTCLOUD_SESSIONTOKEN: 'emulated-session-token',
      });
      return () => {
        db.send = saved.send;
        api.request = saved.request;
        TcbOpenApiHttpRequester.prototype.request = saved.openApi;
        TcbOpenApiHttpCommonRequester.prototype.request = saved.common;
        restoreEnv();
      };
    },
    asCaller: (openid, fn) => runAs(callerVars(openid, appid), fn),
    roundTrips: () => trips,
    resetRoundTrips: () => void (trips = 0),
    dump: (collection) => server.dump(collection),
  };
}
