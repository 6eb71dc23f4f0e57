/**
 * A mini-program JavaScript realm under node:vm, offering what WeChat's logic layer offers and nothing
 * else: `wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, timers, `console`, and a
 * `require` per module that resolves paths inside the package as WeChat does. No `process`, `window`,
 * `document`, `eval`/`new Function` (WeChat forbids them), and none of the built-ins the JavaScriptCore
 * of iOS 12.0 lacks, so a bundle that leans on them fails here as it would on that phone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import vm from 'node:vm';
import type { Tasks } from './tasks';

export type Config = Record<string, unknown>;

/** Built-ins newer than iOS 12.0's JavaScriptCore (Safari 12.0): removed from the realm. */
const newerThanIos12: Record<string, string[]> = {
  globalThis: [
    'globalThis',
    'BigInt',
    'BigInt64Array',
    'BigUint64Array',
    'AggregateError',
    'WeakRef',
    'FinalizationRegistry',
  ],
  Object: ['fromEntries', 'hasOwn'],
  'Array.prototype': ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'],
  'String.prototype': ['at', 'replaceAll', 'matchAll', 'isWellFormed', 'toWellFormed'],
  Promise: ['allSettled', 'any', 'withResolvers'],
};

export interface Realm {
  context: vm.Context;
  /** A value made in this realm from plain data, as WeChat hands data to the app (JSON across the bridge). */
  toRealm<T>(value: T): T;
  /** `typeof <expression>` evaluated in the realm, e.g. 'process' or 'Object.fromEntries'. */
  typeOf(expression: string): string;
}

export interface MiniProgram {
  realm: Realm;
  /** Loads a file of the package by its path from the root (`app.js`, `pages/feed/index.js`). */
  load(file: string): unknown;
  app(): Config;
  pageConfig(route: string): Config;
  components: Map<string, Config>;
  logs: { level: string; args: unknown[] }[];
}

export interface SandboxOptions {
  dist: string;
  wx: object;
  tasks: Tasks;
  /** The page stack, newest last, for getCurrentPages(). */
  pages: () => object[];
}

function createRealm(globals: Record<string, unknown>): Realm {
  const context = vm.createContext(
    {},
    { codeGeneration: { strings: false, wasm: false }, name: 'mini-program' },
  );
  const strip = new vm.Script(
    Object.entries(newerThanIos12)
      .map(([owner, names]) =>
        names.map((n) => `delete ${owner === 'globalThis' ? 'this' : owner}.${n};`).join(''),
      )
      .join('\n'),
  );
  // The realm's own JSON, captured before anything is removed.
  const json = vm.runInContext('JSON', context) as JSON;
  strip.runInContext(context);
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
  }
  return {
    context,
    toRealm: <T>(value: T): T => (value === undefined ? value : (json.parse(JSON.stringify(value)) as T)),
    typeOf: (expression) => String(vm.runInContext(`typeof ${expression}`, context)),
  };
}

/**
 * What the app threw, in one line with where in the package: a minified line is no use on the screen.
 * WeChat reports the same at launch (App onError / the console's "thirdScriptError").
 */
export function describeError(e: unknown, dist: string): string {
  // Errors made in the realm are not instances of this realm's Error: look at their shape.
  if (typeof e !== 'object' || e === null || !('stack' in e)) return String(e);
  const { name, message, stack } = e as Error;
  const at = String(stack)
    .split('\n')
    .find((line) => line.includes(dist));
  const where = at ? ` (at ${at.slice(at.indexOf(dist) + dist.length + 1).replace(/\)$/, '')})` : '';
  return `${name}: ${message}${where}`;
}

/** WeChat's module path rules: relative to the requiring file, `/` from the package root, `.js` implied. */
function resolve(fromDir: string, id: string): string {
  const joined = id.startsWith('/') ? posix.normalize(id.slice(1)) : posix.join(fromDir, id);
  return joined.endsWith('.js') ? joined : `${joined}.js`;
}

export function createSandbox({ dist, wx, tasks, pages }: SandboxOptions): MiniProgram {
  let app: Config | null = null;
  let loadingRoute: string | null = null;
  const pageConfigs = new Map<string, Config>();
  const components = new Map<string, Config>();
  const logs: MiniProgram['logs'] = [];
  const cache = new Map<string, { exports: unknown }>();
  let loadingFile = '';

  const record =
    (level: string) =>
    (...args: unknown[]): void =>
      void logs.push({ level, args });

  const realm = createRealm({
    wx,
    App: (config: Config) => {
      if (app) throw new Error('App() 只能调用一次');
      app = config;
    },
    Page: (config: Config) => {
      if (!loadingRoute) throw new Error(`Page() 只能在页面文件中调用 (${loadingFile})`);
      pageConfigs.set(loadingRoute, config);
    },
    Component: (config: Config) => void components.set(loadingFile.replace(/\.js$/, ''), config),
    getApp: () => app,
    getCurrentPages: () => pages(),
    setTimeout: tasks.setTimeout,
    clearTimeout: tasks.clearTimeout,
    setInterval: tasks.setInterval,
    clearInterval: tasks.clearInterval,
    console: {
      log: record('log'),
      info: record('info'),
      debug: record('debug'),
      warn: record('warn'),
      error: record('error'),
    },
  });

  function load(file: string): unknown {
    const known = cache.get(file);
    if (known) return known.exports;
    const path = join(dist, file);
    if (!file.endsWith('.js') || file.startsWith('..') || !existsSync(path)) {
      throw new Error(`module "${file}" is not defined`);
    }
    const module = { exports: {} as unknown };
    cache.set(file, module);
    // The wrapper sits on its own line so positions in errors are the file's own.
    const script = new vm.Script(
      `(function (require, module, exports) {\n${readFileSync(path, 'utf8')}\n})`,
      {
        filename: path,
        lineOffset: -1,
      },
    );
    const factory = script.runInContext(realm.context) as (
      r: (id: string) => unknown,
      m: object,
      e: unknown,
    ) => void;
    const dir = posix.dirname(file);
    const outer = loadingFile;
    loadingFile = file;
    try {
      factory((id: string) => load(resolve(dir, id)), module, module.exports);
    } catch (e) {
      if (outer !== '') throw e;
      // The outermost require: a short message instead of jest printing the minified line.
      throw new Error(`${file} failed to load: ${describeError(e, dist)}`);
    } finally {
      loadingFile = outer;
    }
    return module.exports;
  }

  return {
    realm,
    load,
    app() {
      if (!app) throw new Error('app.js 没有调用 App()');
      return app;
    },
    pageConfig(route) {
      const known = pageConfigs.get(route);
      if (known) return known;
      loadingRoute = route;
      try {
        load(`${route}.js`);
      } finally {
        loadingRoute = null;
      }
      const config = pageConfigs.get(route);
      if (!config) throw new Error(`${route}.js 没有调用 Page()`);
      return config;
    },
    components,
    logs,
  };
}
