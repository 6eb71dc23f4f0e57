/**
 * The `wx` object of the simulated mini-program. Every call is recorded (`calls`), so a test asserts
 * what the app asked of WeChat. It offers only the APIs of the base library it is set to (the README's
 * minimum by default), answers asynchronous ones later with success/fail/complete as WeChat does, hands
 * data over as JSON, and refuses what WeChat refuses: a subscription prompt outside a tap, a cloud call
 * before wx.cloud.init.
 */
import type { Backend } from './backend';
import { createSelectorQuery, type QueryScope } from './wx-query';
import type { Tasks } from './tasks';

export interface WxCall {
  api: string;
  /** The first argument without its callbacks, as plain data. */
  params: unknown;
  /** Made while a tap was being handled. */
  inTap: boolean;
}

export interface Router {
  navigateTo(url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  switchTab(url: string): Promise<void>;
  redirectTo(url: string): Promise<void>;
  reLaunch(url: string): Promise<void>;
}

export interface FakeWxOptions {
  tasks: Tasks;
  toRealm: <T>(value: T) => T;
  backend: Backend;
  openid: string;
  router: () => Router;
  gesture: { tap: boolean };
  scope: QueryScope;
  /** The base library the phone runs; APIs newer than it are absent. */
  sdkVersion?: string;
  /** What the person answers to a subscription prompt (default: accept every template). */
  subscribeAnswer?: (ids: string[]) => Record<string, string>;
}

/** The README's minimum base library (canvas 2d, page-meta following the system font size). */
export const MIN_SDK_VERSION = '2.11.0';

type Callbacks = {
  success?: (r: unknown) => void;
  fail?: (e: unknown) => void;
  complete?: (r: unknown) => void;
};
type Options = Callbacks & Record<string, unknown>;
type Api = (...args: never[]) => unknown;

const newer = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x![i] ?? 0) !== (y![i] ?? 0)) return (x![i] ?? 0) > (y![i] ?? 0);
  return false;
};

const plain = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

export function createFakeWx(o: FakeWxOptions) {
  const sdk = o.sdkVersion ?? MIN_SDK_VERSION;
  const calls: WxCall[] = [];
  const storage = new Map<string, string>();
  const cloud = { env: null as string | null, inited: false };

  /** WeChat's way of answering later: success or fail, then complete; a Promise when no callback is given. */
  function answer(api: string, opts: Options | undefined, work: () => unknown): Promise<unknown> | undefined {
    const cb: Callbacks = opts ?? {};
    const done = o.tasks.track(
      new Promise<unknown>((resolve) => {
        o.tasks.setTimeout(() => resolve(undefined), 0);
      })
        .then(work)
        .then(
          (res) => {
            const result = o.toRealm({ errMsg: `${api}:ok`, ...(res as object) });
            o.tasks.guard(`${api} success`, () => cb.success?.(result));
            o.tasks.guard(`${api} complete`, () => cb.complete?.(result));
            return { ok: true as const, result };
          },
          (e: unknown) => {
            const reason = e instanceof Error ? e.message : String(e);
            const err = o.toRealm({
              errMsg: `${api}:fail ${reason}`,
              ...(typeof e === 'object' && e && 'errCode' in e ? { errCode: e.errCode } : {}),
            });
            o.tasks.guard(`${api} fail`, () => cb.fail?.(err));
            o.tasks.guard(`${api} complete`, () => cb.complete?.(err));
            return { ok: false as const, result: err };
          },
        ),
    );
    if (cb.success || cb.fail || cb.complete) return undefined;
    return done.then((r) => (r.ok ? r.result : Promise.reject(r.result)));
  }

  const failure = (message: string, errCode?: number) =>
    Object.assign(new Error(message), errCode ? { errCode } : {});

  const system = {
    brand: 'iPhone',
    model: 'iPhone 6',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 12.5.7',
    platform: 'ios',
    fontSizeSetting: 16,
    SDKVersion: sdk,
    theme: 'light',
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  };

  /** [base library version it came with, implementation] */
  const apis: Record<string, [string, Api]> = {
    getSystemInfoSync: ['1.0.0', () => o.toRealm(system)],
    getSystemInfo: ['1.0.0', (opts?: Options) => answer('getSystemInfo', opts, () => system)],
    getWindowInfo: ['2.20.1', () => o.toRealm(system)],
    canIUse: ['1.1.1', (what: string) => typeof what === 'string' && what.split('.')[0]! in wx],
    getStorageSync: [
      '1.0.0',
      (key: string) => (storage.has(key) ? o.toRealm(JSON.parse(storage.get(key)!)) : ''),
    ],
    setStorageSync: ['1.0.0', (key: string, value: unknown) => void storage.set(key, JSON.stringify(value))],
    removeStorageSync: ['1.0.0', (key: string) => void storage.delete(key)],
    showToast: ['1.0.0', (opts?: Options) => answer('showToast', opts, () => ({}))],
    hideToast: ['1.0.0', (opts?: Options) => answer('hideToast', opts, () => ({}))],
    showLoading: ['1.1.0', (opts?: Options) => answer('showLoading', opts, () => ({}))],
    hideLoading: ['1.1.0', (opts?: Options) => answer('hideLoading', opts, () => ({}))],
    showModal: [
      '1.0.0',
      (opts?: Options) => answer('showModal', opts, () => ({ confirm: true, cancel: false })),
    ],
    stopPullDownRefresh: ['1.5.0', (opts?: Options) => answer('stopPullDownRefresh', opts, () => ({}))],
    navigateTo: [
      '1.0.0',
      (opts?: Options) => answer('navigateTo', opts, () => o.router().navigateTo(String(opts?.url))),
    ],
    redirectTo: [
      '1.0.0',
      (opts?: Options) => answer('redirectTo', opts, () => o.router().redirectTo(String(opts?.url))),
    ],
    switchTab: [
      '1.0.0',
      (opts?: Options) => answer('switchTab', opts, () => o.router().switchTab(String(opts?.url))),
    ],
    reLaunch: [
      '1.1.0',
      (opts?: Options) => answer('reLaunch', opts, () => o.router().reLaunch(String(opts?.url))),
    ],
    navigateBack: [
      '1.0.0',
      (opts?: Options) =>
        answer('navigateBack', opts, () => o.router().navigateBack(Number(opts?.delta ?? 1))),
    ],
    nextTick: ['2.2.3', (fn: () => void) => void o.tasks.setTimeout(fn, 0)],
    getMenuButtonBoundingClientRect: [
      '2.1.0',
      () => o.toRealm({ width: 87, height: 32, top: 24, right: 368, bottom: 56, left: 281 }),
    ],
    createSelectorQuery: [
      '1.4.0',
      () => createSelectorQuery(o.scope, (fn) => void o.tasks.setTimeout(fn, 0)),
    ],
    requestSubscribeMessage: [
      '2.4.4',
      (opts?: Options) => {
        // The tap that asked is over by the time WeChat answers: whether there was one is decided now.
        const inTap = o.gesture.tap;
        return answer('requestSubscribeMessage', opts, () => {
          if (!inTap) throw failure('can only be invoked by user TAP gesture.', 20001);
          const ids = (opts?.tmplIds as string[] | undefined) ?? [];
          return (o.subscribeAnswer ?? ((all) => Object.fromEntries(all.map((id) => [id, 'accept']))))(ids);
        });
      },
    ],
    chooseMedia: [
      '2.10.0',
      (opts?: Options) => answer('chooseMedia', opts, () => Promise.reject(failure('cancel'))),
    ],
    compressImage: [
      '1.4.0',
      (opts?: Options) => answer('compressImage', opts, () => ({ tempFilePath: String(opts?.src) })),
    ],
    previewImage: ['1.0.0', (opts?: Options) => answer('previewImage', opts, () => ({}))],
  };

  const cloudApi = {
    init: (opts?: { env?: unknown; traceUser?: boolean }) => {
      cloud.inited = true;
      cloud.env = typeof opts?.env === 'string' ? opts.env : null;
    },
    callFunction: (opts?: Options) =>
      answer('cloud.callFunction', opts, async () => {
        if (!cloud.inited) throw failure('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API', -1);
        const name = String(opts?.name);
        const result = await o.backend(name, plain(opts?.data), o.openid);
        return { result, requestID: `req-${calls.length}` };
      }),
  };

  function recorded(api: string, fn: Api): Api {
    return ((...args: never[]) => {
      const first = args[0] as unknown;
      calls.push({
        api,
        params: typeof first === 'function' ? undefined : plain(first),
        inTap: o.gesture.tap,
      });
      return fn(...args);
    }) as Api;
  }

  const wx: Record<string, unknown> = {};
  for (const [name, [since, fn]] of Object.entries(apis))
    if (!newer(since, sdk)) wx[name] = recorded(name, fn);
  wx.cloud = Object.fromEntries(
    Object.entries(cloudApi).map(([name, fn]) => [name, recorded(`cloud.${name}`, fn as Api)]),
  );

  return {
    wx,
    calls,
    storage,
    cloud,
    /** The calls to one API, in order. */
    callsTo: (api: string) => calls.filter((c) => c.api === api),
  };
}

export type FakeWx = ReturnType<typeof createFakeWx>;
