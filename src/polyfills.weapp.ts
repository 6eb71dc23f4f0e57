/**
 * What the JavaScriptCore of iOS 12.0 (the mini-program's floor, README「小程序构建设置」) lacks and the
 * bundle's libraries use without checking: `globalThis` and `Object.fromEntries` (zod; both came with
 * iOS 12.2) and `BigInt` (zod builds its int64 ranges with it when it loads; iOS 14). app.ts imports this
 * first, before any library module runs. tests/weapp boots the build on a realm without these.
 */

/** Read through the global object's prototype chain, so `this` is the global object (no eval in WeChat). */
declare const __arenaGlobalProbe__: typeof globalThis;

function installGlobalThis(): void {
  if (typeof globalThis === 'object') return;
  Object.defineProperty(Object.prototype, '__arenaGlobalProbe__', {
    get(this: typeof globalThis) {
      return this;
    },
    configurable: true,
  });
  const root = __arenaGlobalProbe__;
  delete (Object.prototype as { __arenaGlobalProbe__?: unknown }).__arenaGlobalProbe__;
  Object.defineProperty(root, 'globalThis', { value: root, writable: true, configurable: true });
}

function installFromEntries(): void {
  if (typeof Object.fromEntries === 'function') return;
  const fromEntries = <T>(entries: Iterable<readonly [PropertyKey, T]>): Record<PropertyKey, T> => {
    const out: Record<PropertyKey, T> = {};
    for (const [key, value] of entries) out[key] = value;
    return out;
  };
  Object.defineProperty(Object, 'fromEntries', { value: fromEntries, writable: true, configurable: true });
}

/**
 * Our contract has no 64-bit integers, so no value here is ever a bigint: a Number stand-in only lets
 * zod's constant table load (typeof of what it returns stays 'number', so nothing is taken for a bigint).
 */
function installBigIntStandIn(): void {
  if (typeof BigInt === 'function') return;
  Object.defineProperty(globalThis, 'BigInt', {
    value: (v: unknown) => Number(v),
    writable: true,
    configurable: true,
  });
}

installGlobalThis();
installFromEntries();
installBigIntStandIn();
