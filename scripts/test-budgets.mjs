#!/usr/bin/env node
// `npm test` step: the size budgets of issue 3, printed, failing when over.
// WeChat: main package ≤ 1 MB, each subpackage ≤ 2 MB (dist/weapp).
// H5: the JavaScript the feed route loads (entry + the feed page's chunk group) ≤ 300 KB gzipped (dist/h5).
// Charts (issue 11): no tab page (晒, 榜, 我) loads ECharts, on WeChat (the main package, which every tab
// page loads from, has none of it) or in the browser (the entry and each tab page's chunk group have none).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './ensure-h5.mjs';

const KB = 1024;
const MB = 1024 * KB;
const weapp = join(root, 'dist', 'weapp');
const h5 = join(root, 'dist', 'h5');
const fmt = (n) => (n >= MB ? `${(n / MB).toFixed(2)} MB` : `${(n / KB).toFixed(1)} KB`);
const rows = [];
const check = (name, size, limit) => rows.push({ name, size, limit, ok: size <= limit });

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

if (!existsSync(join(weapp, 'app.json')) || !existsSync(join(h5, 'chunk-manifest.json'))) {
  console.error('✗ dist/weapp or dist/h5 is missing: run scripts/test-build.mjs first');
  process.exit(1);
}

// WeChat packages: a subpackage is its root folder; the main package is everything else.
const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const inSub = (file) => subRoots.find((r) => relative(weapp, file).split(sep).join('/').startsWith(`${r}/`));
const sizes = { main: 0, ...Object.fromEntries(subRoots.map((r) => [r, 0])) };
for (const f of files(weapp)) {
  if (f.endsWith('.built')) continue;
  sizes[inSub(f) ?? 'main'] += statSync(f).size;
}
check('WeChat main package', sizes.main, 1 * MB);
for (const r of subRoots) check(`WeChat subpackage ${r}`, sizes[r], 2 * MB);

// ECharts and its renderer leave their names in the minified code.
const chartCode = /echarts|zrender/i;
const hasCharts = (file) => chartCode.test(readFileSync(file, 'latin1'));
const chartFailures = [];
const tabPages = (app.tabBar?.list ?? []).map((t) => t.pagePath);
if (tabPages.length === 0) chartFailures.push('dist/weapp/app.json names no tab pages');
const weappJs = files(weapp).filter((f) => f.endsWith('.js'));
const weappCharts = weappJs.filter(hasCharts).map((f) => relative(weapp, f).split(sep).join('/'));
// The check must see the chart where it belongs, or a renamed library would pass it unseen.
if (weappCharts.length === 0) chartFailures.push('WeChat: no file carries ECharts; the check cannot see it');
for (const f of weappCharts.filter((f) => !inSub(join(weapp, f))))
  chartFailures.push(`WeChat: ECharts is in the main package (${f}), which tab pages load`);
for (const page of tabPages)
  if (!existsSync(join(weapp, `${page}.js`))) chartFailures.push(`WeChat: tab page ${page}.js is missing`);

// H5: what a phone downloads to show the feed.
const manifest = JSON.parse(readFileSync(join(h5, 'chunk-manifest.json'), 'utf8'));
const feed = manifest.groups.find((g) => g.origins.some((o) => o.includes('pages/feed/index')));
if (!feed) {
  console.error('✗ the feed route is not in dist/h5/chunk-manifest.json');
  process.exit(1);
}
// The feed's first request loads the contract's chunk group (zod and the schemas, kept out of app.js): it
// counts as part of what the phone downloads to show the feed.
const contractChunks = manifest.groups
  .filter((g) => g.origins.some((o) => /contract/.test(o)))
  .flatMap((g) => g.files);
const feedFiles = [...new Set([...manifest.entry, ...feed.files, ...contractChunks])];
let gz = 0;
for (const f of feedFiles) {
  const n = gzipSync(readFileSync(join(h5, f)), { level: 9 }).length;
  console.log(`  ${f.padEnd(28)} ${fmt(n).padStart(9)} gzipped`);
  gz += n;
}
check('H5 feed route JS (gzipped)', gz, 300 * KB);

const h5Charts = files(join(h5, 'js'))
  .filter((f) => f.endsWith('.js') && hasCharts(f))
  .map((f) => relative(h5, f).split(sep).join('/'));
if (h5Charts.length === 0) chartFailures.push('H5: no chunk carries ECharts; the check cannot see it');
for (const page of tabPages) {
  const group = manifest.groups.find((g) => g.origins.some((o) => o.replace(/^\.\//, '') === page));
  if (!group) {
    chartFailures.push(`H5: tab page ${page} is not in dist/h5/chunk-manifest.json`);
    continue;
  }
  const loaded = [...manifest.entry, ...group.files].filter((f) => h5Charts.includes(f));
  if (loaded.length > 0) chartFailures.push(`H5: tab page ${page} loads ECharts (${loaded.join(', ')})`);
}
const unitGroup = manifest.groups.find((g) =>
  g.origins.some((o) => o.includes('packages/unit/pages/detail')),
);
if (unitGroup && !unitGroup.files.some((f) => h5Charts.includes(f)))
  chartFailures.push('H5: the unit page does not load the chart chunk');
console.log(
  `${chartFailures.length === 0 ? '✓' : '✗'} ECharts only in ${[...weappCharts, ...h5Charts].join(', ')}; ` +
    `tab pages ${tabPages.join(', ')} load none of it`,
);
for (const f of chartFailures) console.error(`  ✗ ${f}`);

for (const r of rows)
  console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(34)} ${fmt(r.size).padStart(9)} of ${fmt(r.limit)}`);
if (chartFailures.length > 0) {
  console.error('✗ a tab page loads ECharts');
  process.exit(1);
}
if (rows.some((r) => !r.ok)) {
  console.error('✗ over budget');
  process.exit(1);
}
