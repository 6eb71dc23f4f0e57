/**
 * The cloud functions' cold start (issue 11, goal 4): each bundle's size, and how long a fresh Node
 * process takes to load it — `require` of cloudfunctions/<name>/index.js, whose `require("wx-server-sdk")`
 * resolves to this repository's SDK as it does in the tests (the cloud installs the same pinned version
 * beside the bundle), timed inside the child, and the child's whole run beside a bare `node -e ""`.
 * Medians of several children. Build the bundles first (`npm run build:functions`); a missing one is
 * reported, not built here. `tsx bench/bundles.ts` prints them alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BundleRow {
  name: string;
  /** Bytes of index.js. */
  bytes: number;
  /** Median ms of `require(index.js)` inside a fresh process (the SDK's own load included). */
  requireMs: number;
  /** Of which: median ms of `require("wx-server-sdk")` alone, made first in the same process. */
  sdkMs: number;
  /** The bundle's own share: requireMs − sdkMs (median of the differences). */
  ownMs: number;
  /** Median ms of the whole `node -e "require(…)"` process. */
  processMs: number;
  /** Median ms of a bare `node -e ""`: what any process costs. */
  baselineMs: number;
}

export const BUNDLE_LIMIT_BYTES = 600 * 1024;
export const LOAD_LIMIT_MS = 300;

const root = join(__dirname, '..');

/** The functions that have a source (index.ts) under cloudfunctions/. */
export const functionNames = (): string[] =>
  readdirSync(join(root, 'cloudfunctions')).filter((n) =>
    existsSync(join(root, 'cloudfunctions', n, 'index.ts')),
  );

export const bundlePath = (name: string): string => join(root, 'cloudfunctions', name, 'index.js');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function timedChild(script: string): { wallMs: number; out: string } {
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, out };
}

/** Size and load time of each built bundle; `runs` fresh processes each (default 7). */
export function bundleFigures(runs = 7): BundleRow[] {
  const baseline = median(Array.from({ length: runs }, () => timedChild('').wallMs));
  return functionNames().map((name) => {
    const file = bundlePath(name);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:functions first`);
    // The SDK as the bundle resolves it (from the bundle's folder up), timed apart from the bundle.
    const script =
      'const ms = (a, b) => Number(b - a) / 1e6; const t0 = process.hrtime.bigint();' +
      `require(require('node:module').createRequire(${JSON.stringify(file)}).resolve('wx-server-sdk'));` +
      `const t1 = process.hrtime.bigint(); require(${JSON.stringify(file)}); const t2 = process.hrtime.bigint();` +
      'process.stdout.write(JSON.stringify([ms(t0, t1), ms(t0, t2)]));';
    const samples = Array.from({ length: runs }, () => timedChild(script));
    const times = samples.map((s) => JSON.parse(s.out) as [number, number]);
    return {
      name,
      bytes: statSync(file).size,
      requireMs: median(times.map(([, all]) => all)),
      sdkMs: median(times.map(([sdk]) => sdk)),
      ownMs: median(times.map(([sdk, all]) => all - sdk)),
      processMs: median(samples.map((s) => s.wallMs)),
      baselineMs: baseline,
    };
  });
}

export function printBundles(rows: readonly BundleRow[], log: (line: string) => void): void {
  log('');
  log('Cloud function bundles (minified; limits: ≤ 600 KB, loads in ≤ 300 ms):');
  log(
    '| function | size | require in a fresh node | of which wx-server-sdk | the bundle’s own | node -e "require(…)" | bare node -e "" | process − bare |',
  );
  log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const kb = r.bytes / 1024;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    log(
      `| ${r.name} | ${kb.toFixed(0)} KB ${mark(r.bytes <= BUNDLE_LIMIT_BYTES)} | ${r.requireMs.toFixed(0)} ms ${mark(r.requireMs <= LOAD_LIMIT_MS)} | ` +
        `${r.sdkMs.toFixed(0)} ms | ${r.ownMs.toFixed(0)} ms ${mark(r.ownMs <= LOAD_LIMIT_MS)} | ` +
        `${r.processMs.toFixed(0)} ms | ${r.baselineMs.toFixed(0)} ms | ${(r.processMs - r.baselineMs).toFixed(0)} ms |`,
    );
  }
}

if (require.main === module) printBundles(bundleFigures(), console.log);
