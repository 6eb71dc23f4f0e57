/**
 * Who is calling, the way a cloud function learns it. wx-server-sdk's `getWXContext()` reads the caller
 * from the process environment (`WX_CONTEXT_KEYS` names the `WX_*` variables: `WX_OPENID`, `WX_APPID`, …),
 * which the platform sets for each invocation. The emulation overlays `process.env` with a view whose
 * `WX_*` variables come from the invocation running now (an AsyncLocalStorage), so that concurrent
 * invocations by different users each see their own, plus the variables every function has (its
 * environment id, and the markers that keep the SDK from probing the network for where it runs).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Vars = Readonly<Record<string, string>>;

const invocation = new AsyncLocalStorage<Vars>();

/** The variables the caller decides; absent ones read as unset. */
const callerKeys = new Set([
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'TCB_SOURCE',
]);

export function callerVars(openid: string | null, appid: string): Vars {
  // A timer or the console has no user: no WX context at all.
  if (openid === null) return {};
  return {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_CLIENTIP',
    WX_OPENID: openid,
    WX_APPID: appid,
    WX_CLIENTIP: '10.0.0.8',
  };
}

export const runAs = <T>(vars: Vars, fn: () => Promise<T>): Promise<T> => invocation.run(vars, fn);

/** Replaces `process.env` with the overlay (`fixed()` read at each access); returns the undo. */
export function overlayEnv(fixedVars: () => Vars): () => void {
  const real = process.env;
  const value = (key: string | symbol): string | undefined => {
    if (typeof key !== 'string') return undefined;
    if (callerKeys.has(key)) return invocation.getStore()?.[key];
    return fixedVars()[key] ?? real[key];
  };
  const view = new Proxy(real, {
    get: (_, key) => value(key),
    has: (_, key) => value(key) !== undefined,
    ownKeys: () => {
      const keys = new Set([
        ...Object.keys(real),
        ...Object.keys(fixedVars()),
        ...Object.keys(invocation.getStore() ?? {}),
      ]);
      return [...keys].filter((k) => value(k) !== undefined);
    },
    getOwnPropertyDescriptor: (_, key) => {
      const v = value(key);
      return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
    },
  });
  process.env = view;
  return () => {
    if (process.env === view) process.env = real;
  };
}
