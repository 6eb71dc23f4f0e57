#!/usr/bin/env node
// `npm run build:functions`: bundles each cloud function's index.ts (with the cloud host in cloud/, the
// core and the adapters it imports) into index.js beside it, for Node 16 (the cloud runtime), CommonJS, with
// wx-server-sdk and exceljs left external — the cloud installs them from the function's package.json
// (云端安装依赖), so each folder under cloudfunctions/ uploads from WeChat DevTools as it is. exceljs alone
// minifies to about 1.2 MB, twice a bundle's budget (≤ 600 KB); the arena function loads it on its first
// export. A function's package.json pins exactly the packages its bundle requires, at the versions the
// repository tests with, and no other.
// Usage: node scripts/build-functions.mjs [name …]   (default: every folder with an index.ts)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const functionsDir = join(root, 'cloudfunctions');
const SDK = 'wx-server-sdk';
/** Packages the cloud installs beside a bundle instead of the bundle carrying them. */
const INSTALLED = [SDK, 'exceljs'];

const all = readdirSync(functionsDir).filter((name) => existsSync(join(functionsDir, name, 'index.ts')));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`没有这些云函数 / no such functions: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(1);
}

const readPackage = (name) => JSON.parse(readFileSync(join(functionsDir, name, 'package.json'), 'utf8'));
const testedVersion = (pkg) =>
  JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** The folder must upload as it is: its package.json names index.js and pins the SDK. */
function checkPackage(name) {
  const pkg = readPackage(name);
  const problems = [];
  if (pkg.main !== 'index.js') problems.push('"main" must be "index.js"');
  const sdk = pkg.dependencies?.[SDK];
  if (typeof sdk !== 'string' || !/^\d+\.\d+\.\d+$/.test(sdk))
    problems.push(`"${SDK}" must be pinned to an exact version`);
  if (problems.length > 0) throw new Error(`cloudfunctions/${name}/package.json: ${problems.join('; ')}`);
}

/**
 * What the built bundle requires besides Node's own modules is what the cloud installs: each such package
 * pinned in the function's package.json to the version the tests ran, and nothing pinned that it does
 * not require (the timer function carries no exceljs).
 */
function checkRequires(name, metafile) {
  const required = new Set(
    Object.values(metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && !isBuiltin(i.path))
      .map((i) => i.path),
  );
  const deps = readPackage(name).dependencies ?? {};
  const problems = [];
  for (const pkg of required) {
    if (!(pkg in deps)) problems.push(`the bundle requires "${pkg}", which package.json does not name`);
    else if (deps[pkg] !== testedVersion(pkg))
      problems.push(`"${pkg}" is pinned to ${deps[pkg]}, the repository tests ${testedVersion(pkg)}`);
  }
  for (const pkg of Object.keys(deps))
    if (!required.has(pkg)) problems.push(`package.json names "${pkg}", which the bundle does not require`);
  if (problems.length > 0) throw new Error(`cloudfunctions/${name}: ${problems.join('; ')}`);
}

// zod's namespace object carries every language's messages (`z.locales`, about 270 KB minified), which no
// bundler can drop; the arena speaks Chinese only (core/app/validate.ts takes zh-CN), so that one is kept.
const zodLocales = {
  name: 'zod-locales-zh-cn-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'zh-CN.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as zhCN } from ${JSON.stringify(args.path)};`,
      resolveDir: root,
    }));
  },
};

for (const name of wanted.length > 0 ? wanted : all) {
  checkPackage(name);
  const outfile = join(functionsDir, name, 'index.js');
  const started = Date.now();
  const { metafile } = await build({
    entryPoints: [join(functionsDir, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: INSTALLED,
    // A lazy `import('exceljs')` becomes a lazy `require`: every module the bundle loads goes through the
    // CommonJS `require` the function is given, ESM's loader is never asked.
    supported: { 'dynamic-import': false },
    plugins: [zodLocales],
    // Minified, so that a cold start parses less (issue 11: ≤ 600 KB, loads in ≤ 300 ms); `keepNames` keeps
    // function and class names, so the stack traces the cloud console shows still say where.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    banner: {
      js: `// Built by scripts/build-functions.mjs from cloudfunctions/${name}/index.ts: do not edit.`,
    },
  });
  checkRequires(name, metafile);
  const kb = (statSync(outfile).size / 1024).toFixed(0);
  console.log(`✓ ${relative(root, outfile)}  ${kb} KB  (${Date.now() - started} ms)`);
}
