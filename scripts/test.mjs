#!/usr/bin/env node
// The one test command (README): type check, lint, every jest project, then the builds,
// their budgets and the browser test. Each step stops the run when it fails.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureDeps();
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(title, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${secs} s)`);
}

run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('lint', bin('eslint'), ['.', '--max-warnings=0']);

const report = join(root, 'coverage', 'jest-report.json');
mkdirSync(join(root, 'coverage'), { recursive: true });
rmSync(report, { force: true });
const jest = spawnSync(bin('jest'), ['--ci', '--json', `--outputFile=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed += 1;
}
if (jest.status !== 0 || passed === 0) {
  console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}

run('build: weapp and h5', process.execPath, [join(root, 'scripts', 'test-build.mjs')]);
run('budgets', process.execPath, [join(root, 'scripts', 'test-budgets.mjs')]);
run('browser test', process.execPath, [join(root, 'scripts', 'test-e2e.mjs')]);

console.log(`\n${passed} passed, ${failed} failed`);
