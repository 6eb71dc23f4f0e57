/**
 * The WeChat cloud, emulated below the real wx-server-sdk 4.0.2: `install()` replaces the methods through
 * which the SDK's requests leave the process, so that the SDK builds every request and reads every answer
 * as in production while ./server.ts (the database) and ./wx-services.ts (open APIs, storage) answer them.
 * Nothing reaches the network: a request of any other service is refused. `asCaller` runs a cloud function
 * invocation with the caller's WX context in the environment, where `cloud.getWXContext()` reads it.
 */
import { callerVars, runAs } from './context';
import { decodeOpenApiRequest, encodeOpenApiResponse } from './protobuf';
import { addRoute } from './routes';
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
  /**
   * The environment id (`ENV` of the WX context; default `test-env`). Emulations installed at once need
   * distinct ids; `cloud.database({ env })` reaches one that is not the last installed.
   */
  env?: string;
  /** The mini-program's AppID (`APPID` of the WX context). */
  appid?: string;
}

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
    throw new Error(`emulator: ${String(params.action)} is not emulated, and the network is off`);
  }

  return {
    install() {
      return addRoute({
        env,
        database: (action, params) => {
          trips += 1;
          return server.handle(action, params);
        },
        service: (params) => {
          trips += 1;
          return service(params);
        },
      });
    },
    asCaller: (openid, fn) => runAs(callerVars(openid, appid), fn),
    roundTrips: () => trips,
    resetRoundTrips: () => void (trips = 0),
    dump: (collection) => server.dump(collection),
  };
}
