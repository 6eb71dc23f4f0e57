#!/usr/bin/env node
// `npm test` step: the browser tests (e2e/*.e2e.ts, arena.e2e.ts first) when Debian's Chromium is installed.
// Without it the step is skipped, unless E2E_REQUIRED=1 (CI), where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './ensure-h5.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const how = 'apt-get install -y chromium fonts-wqy-microhei';
  if (process.env.E2E_REQUIRED === '1') {
    console.error(`✗ E2E_REQUIRED=1 but ${chromium} is missing (${how})`);
    process.exit(1);
  }
  console.log(`- browser test skipped: ${chromium} not found (${how})`);
  process.exit(0);
}

// The app's walk-through first, then every other browser test in e2e/ (a new one needs no line here).
const scripts = readdirSync(join(root, 'e2e'))
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort((a, b) => (a === 'arena.e2e.ts' ? -1 : b === 'arena.e2e.ts' ? 1 : a.localeCompare(b)));
for (const script of scripts) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'e2e', script)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
