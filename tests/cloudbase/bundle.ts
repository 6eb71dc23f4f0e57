/**
 * A built cloud function (`cloudfunctions/<name>/index.js`, made by `npm run build:functions`) loaded as
 * the cloud loads it: a fresh instance per call (a cold start), whose `require('wx-server-sdk')` is the
 * real SDK of this process (so an installed emulation answers it) and which may require nothing else but
 * Node's built-in modules and the packages its package.json pins — what the cloud installs beside the
 * bundle (exceljs for arena's export), found here in the repository's node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';
import cloud from 'wx-server-sdk';

export type FunctionMain = (event: unknown, context?: unknown) => Promise<unknown>;

export interface BundleOptions {
  /** The function's environment variables (set in the console on the real cloud), e.g. ARENA_TPL_NO_POST. */
  env?: Readonly<Record<string, string>>;
  /** The repository root (default: this repository). */
  root?: string;
  /** Each module the bundle requires is pushed here, in order, when it requires it. */
  required?: string[];
}

export function loadFunctionBundle(name: string, options: BundleOptions = {}): FunctionMain {
  const file = join(options.root ?? join(__dirname, '..', '..'), 'cloudfunctions', name, 'index.js');
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run npm run build:functions first`);
  }
  const nodeRequire = createRequire(file);
  const pkg = JSON.parse(readFileSync(join(file, '..', 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const installed = new Set(Object.keys(pkg.dependencies ?? {}));
  const bundleRequire = (id: string): unknown => {
    options.required?.push(id);
    if (id === 'wx-server-sdk') return cloud;
    if (isBuiltin(id) || installed.has(id)) return nodeRequire(id);
    throw new Error(
      `the ${name} bundle requires "${id}": a function folder holds only its bundle and what its package.json names`,
    );
  };
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  // The bundle's own `process.env` is the function's configuration; the SDK keeps reading the real one.
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  const proc: NodeJS.Process = Object.create(process, { env: { value: env, enumerable: true } });
  const run = new Function('exports', 'require', 'module', '__filename', '__dirname', 'process', code) as (
    ...args: unknown[]
  ) => void;
  run(mod.exports, bundleRequire, mod, file, join(file, '..'), proc);
  const main = mod.exports.main;
  if (typeof main !== 'function') throw new Error(`${file} exports no main`);
  return (event, context = {}) => Promise.resolve((main as FunctionMain)(event, context));
}
