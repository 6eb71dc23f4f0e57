#!/usr/bin/env node
// The one test command (README): type check, lint, the node and ui jest projects, then the builds and
// their budgets, the built mini-program on a simulated phone (jest project "weapp": it needs dist/weapp
// and the function bundles, so it runs after the build), and the browser test. Each step stops the run
// when it fails; the last line counts the tests of both jest runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureDeps();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };
const summary = () => `${totals.passed} passed, ${totals.failed} failed`;

function run(title, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (${secs} s)`);
    if (totals.passed + totals.failed > 0) console.log(summary());
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${secs} s)`);
}

/** One jest run over the named projects; its counts go into the totals, and a failure ends the run. */
function jest(title, projects) {
  const report = join(root, 'coverage', `jest-${projects.join('-')}.json`);
  mkdirSync(join(root, 'coverage'), { recursive: true });
  rmSync(report, { force: true });
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(
    bin('jest'),
    ['--ci', '--json', `--outputFile=${report}`, '--selectProjects', ...projects],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed += 1;
  }
  totals.passed += passed;
  totals.failed += r.status !== 0 || passed === 0 ? Math.max(failed, 1) : failed;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0 || passed === 0) {
    console.error(`✗ ${title} failed (${secs} s)`);
    console.log(summary());
    process.exit(1);
  }
  console.log(`✓ ${title}: ${passed} passed (${secs} s)`);
}

run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('lint', bin('eslint'), ['.', '--max-warnings=0']);
jest('jest: core, adapters, server, cloud functions, pages', ['node', 'ui']);
run('build: weapp, h5 and the cloud functions', process.execPath, [join(root, 'scripts', 'test-build.mjs')]);
run('budgets', process.execPath, [join(root, 'scripts', 'test-budgets.mjs')]);
jest('jest: the built mini-program on a simulated phone', ['weapp']);
run('browser test', process.execPath, [join(root, 'scripts', 'test-e2e.mjs')]);

console.log(`\n${summary()}`);
