/**
 * Every script of dist/weapp parses as ES2019 and uses nothing iOS 12's JavaScriptCore lacks, and none
 * reads `process.env` (./syntax-scan.ts says why each rule is there). The scanner is shown first to see
 * what it must see, so a blind scan cannot pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, scriptsOf } from './dist';
import { scanScript } from './syntax-scan';

const dist = DIST;

describe('the iOS 12 scan', () => {
  it('finds newer syntax, later built-ins, lookbehind and process.env', () => {
    const messages = (code: string) => scanScript(code).map((p) => p.message);
    expect(messages('var a = b?.c;')[0]).toMatch(/syntax above ES2019/);
    expect(messages('var a = b ?? c;')[0]).toMatch(/syntax above ES2019/);
    expect(messages('class A { x = 1 }')[0]).toMatch(/syntax above ES2019/);
    expect(messages('var a = list.at(-1);')).toEqual([expect.stringContaining('.at')]);
    expect(messages('Object.hasOwn(a, "b"); s.replaceAll("a", "b"); structuredClone(a);')).toHaveLength(3);
    expect(messages('var r = /(?<=a)b/; var s = new RegExp("(?<!x)y");')).toHaveLength(2);
    expect(messages('var env = process.env.TARO_APP_CLOUD_ENV;')).toEqual([
      'process.env: WeChat has no process',
    ]);
    // What iOS 12 has: optional catch binding, object spread, async functions, named groups; guarded probes.
    expect(messages('try { f() } catch { } var o = { ...p }; async function g() { await h(); }')).toEqual([]);
    expect(
      messages('var m = /(?<y>\\d{4})/s.exec(t); var ok = typeof structuredClone === "function";'),
    ).toEqual([]);
  });
});

describe('dist/weapp', () => {
  // Any weapp build is scanned as it is, the deployer's own included.
  const files = existsSync(join(dist, 'app.js')) ? scriptsOf(dist) : [];

  it('has the scripts of the main package and the unit subpackage', () => {
    const names = files.map((f) => relative(dist, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'app.js',
        'vendors.js',
        'pages/feed/index.js',
        'packages/unit/pages/detail/index.js',
      ]),
    );
  });

  it('runs on iOS 12: ES2019 syntax, no later built-ins, no lookbehind, no process.env', () => {
    const problems = files.flatMap((file) =>
      scanScript(readFileSync(file, 'utf8')).map(
        (p) => `${relative(dist, file)}:${p.line}:${p.column} ${p.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
