#!/usr/bin/env node
// `npm test` step: build the mini-program for WeChat (dist/weapp) and for the browser (dist/h5) from
// the same pages, and the cloud function bundles the simulated phone calls. One after the other: each
// Taro build takes about 1.3 GB at its peak. The weapp is built as a deployer builds it
// (`TARO_APP_CLOUD_ENV=<id> npm run build:weapp`) with the test settings tests/weapp expects — so the
// dist/weapp it leaves is a test build: rebuild with your own environment id before uploading.
// Usage: node scripts/test-build.mjs [weapp] [h5] [functions]   (default: all three)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTarget, root } from './ensure-h5.mjs';

const settings = JSON.parse(readFileSync(join(root, 'tests', 'weapp', 'build-settings.json'), 'utf8'));
const steps = {
  weapp: () => buildTarget('weapp', settings),
  h5: () => buildTarget('h5'),
  functions: () =>
    spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], {
      cwd: root,
      stdio: 'inherit',
    }).status === 0,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in steps));
if (unknown.length > 0) {
  console.error(`unknown build step: ${unknown.join(', ')} (have: ${Object.keys(steps).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(steps)) {
  if (!steps[name]()) {
    console.error(`✗ build ${name} failed`);
    process.exit(1);
  }
}
