/**
 * Where the SDK's requests go while emulations are installed. Several can be installed at once, each
 * under its own environment id (a test that needs a second, empty database): a request goes to the
 * emulation named by the `env` its database or cloud instance was made with (`cloud.database({ env })`),
 * else to the one installed last, which is also the function's own environment (`DYNAMIC_CURRENT_ENV`).
 * The SDK is patched while at least one is installed and restored when the last one leaves.
 */
import { TcbApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbapirequester';
import { TcbDBApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbdbapirequester';
import { TcbOpenApiHttpCommonRequester } from '@cloudbase/node-sdk/dist/utils/tcbopenapicommonrequester';
import { TcbOpenApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbopenapirequester';
import { overlayEnv } from './context';

export interface Route {
  env: string;
  database(action: string, params: Record<string, unknown>): Promise<unknown>;
  /** Any other request (open APIs, storage), by its params (`action`, …). */
  service(params: Record<string, unknown>): Promise<unknown>;
}

const routes: Route[] = [];
let unpatch: (() => void) | null = null;

function routeFor(env: unknown): Route {
  const named = typeof env === 'string' ? routes.find((r) => r.env === env) : undefined;
  const route = named ?? routes[routes.length - 1];
  if (!route) throw new Error('emulator: no emulation is installed, and the network is off');
  return route;
}

const envOf = (holder: unknown): unknown =>
  (holder as { config?: { env?: unknown } } | undefined)?.config?.env;

const refuse = async (): Promise<never> => {
  throw new Error('emulator: this service is not emulated, and the network is off');
};

function patch(): () => void {
  const db = TcbDBApiHttpRequester.prototype;
  const api = TcbApiHttpRequester.prototype;
  const open = TcbOpenApiHttpRequester.prototype;
  const common = TcbOpenApiHttpCommonRequester.prototype;
  const saved = { send: db.send, request: api.request, open: open.request, common: common.request };
  db.send = async function send(action, data) {
    // The requester sends JSON: what the server gets holds no references into the caller's objects.
    const params = JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>;
    return routeFor(envOf(this)).database(action, params);
  };
  api.request = async function request() {
    return routeFor(envOf(this)).service(this.args.params);
  };
  open.request = refuse;
  common.request = refuse;
  const restoreEnv = overlayEnv(() => {
    const env = routes[routes.length - 1]?.env ?? '';
    return {
      TCB_ENV: env,
      SCF_NAMESPACE: env,
      // Credentials and "in Tencent Cloud", as a deployed function has them: the SDK then neither
      // rejects for missing keys nor asks the metadata service where it runs.
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_SECRETID: 'emulated-secret-id',
      TENCENTCLOUD_SECRETKEY: 'emulated-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'emulated-session-token',
    };
  });
  return () => {
    db.send = saved.send;
    api.request = saved.request;
    open.request = saved.open;
    common.request = saved.common;
    restoreEnv();
  };
}

/** Routes requests to `route` until the returned undo is called. */
export function addRoute(route: Route): () => void {
  if (routes.some((r) => r.env === route.env))
    throw new Error(`emulator: environment ${route.env} is installed twice`);
  routes.push(route);
  unpatch ??= patch();
  return () => {
    const at = routes.indexOf(route);
    if (at >= 0) routes.splice(at, 1);
    if (routes.length === 0 && unpatch) {
      unpatch();
      unpatch = null;
    }
  };
}
