#!/usr/bin/env node
// Builds the H5 app (dist/h5) when it is missing or older than any source it is built from
// (src/, config/, core/contract/, babel.config.js). `npm start` runs this first; the builds in
// `npm test` use buildTarget() from here too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stampOf = (type) => join(root, 'dist', type, '.built');
const sources = ['src', 'config', join('core', 'contract'), 'babel.config.js', '.env', '.env.local', '.env.production'];
// Tests and their helpers do not go into the build.
const ignored = (path) => /\.test\.[jt]sx?$/.test(path) || path.includes(`${join('src', 'testing')}`);

function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return { mtime: 0, path: null };
  if (!st.isDirectory()) return ignored(path) ? { mtime: 0, path: null } : { mtime: st.mtimeMs, path };
  let best = { mtime: 0, path: null };
  for (const entry of readdirSync(path)) {
    const n = newest(join(path, entry));
    if (n.mtime > best.mtime) best = n;
  }
  return best;
}

/** Why the H5 build must be made again, or null when it is up to date. */
export function h5Staleness() {
  const stamp = statSync(stampOf('h5'), { throwIfNoEntry: false });
  if (!stamp || !existsSync(join(root, 'dist', 'h5', 'index.html'))) return 'dist/h5 还没有构建';
  const src = sources.map((s) => newest(join(root, s))).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  return src.mtime > stamp.mtimeMs ? `${relative(root, src.path)} 比 dist/h5 新` : null;
}

/**
 * `taro build --type <type>`; writes dist/<type>/.built only when the build succeeded. `env` adds
 * build-time settings (TARO_APP_*), as a deployer sets them in the shell.
 */
export function buildTarget(type, env = {}) {
  const started = Date.now();
  const r = spawnSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) return false;
  writeFileSync(stampOf(type), new Date().toISOString());
  console.log(`✓ taro build --type ${type} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const why = h5Staleness();
  if (why === null) {
    console.log('H5 构建已是最新 (dist/h5 is up to date)');
  } else {
    console.log(`正在构建 H5（${why}），约需 1 分钟… / building the H5 app`);
    if (!buildTarget('h5')) {
      console.error('H5 构建失败 / the H5 build failed');
      process.exit(1);
    }
  }
}
