// Installs the npm dependencies when they are missing or older than the lock file, so `npm start` and
// `npm test` work on a fresh clone exactly as the README writes them.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

export function ensureDeps() {
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('▶ npm install (dependencies are missing or older than package-lock.json)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('✗ npm install failed');
    process.exit(r.status ?? 1);
  }
}
