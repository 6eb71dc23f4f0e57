#!/usr/bin/env node
// `npm start`: the demo arena on this machine. Demo mode on, data in ./data unless DATA_DIR says otherwise.
// The H5 app is built first when it is missing or older than its sources (scripts/ensure-h5.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureDeps();
const env = { ...process.env, ARENA_DEMO: process.env.ARENA_DEMO ?? '1', DATA_DIR: process.env.DATA_DIR ?? join(root, 'data') };

const h5 = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-h5.mjs')], { cwd: root, stdio: 'inherit' });
if (h5.status !== 0) process.exit(h5.status ?? 1);

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], { cwd: root, env, stdio: 'inherit' });
// Pass the signal on so the server can finish its writes and close the database.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
