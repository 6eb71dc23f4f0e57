/**
 * `npm run build:functions` makes bundles that upload and run as they are: each builds, names index.js
 * and pins wx-server-sdk, leaves the SDK out and requires nothing else but Node's own modules and what its
 * package.json pins (the loader refuses anything else: arena pins exceljs, loaded on its first export),
 * inits the cloud once for its own environment, and answers by the platform's OPENID only — run on the
 * real wx-server-sdk over the CloudBase emulation, with no socket opened.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import cloud from 'wx-server-sdk';
import { BUNDLE_LIMIT_BYTES, bundlePath, functionNames } from '../../bench/bundles';
import { loadFunctionBundle, type FunctionMain } from '../cloudbase/bundle';
import { createTestCloud, type TestCloud } from './fake-cloud';

const root = join(__dirname, '..', '..');
const functions = ['arena', 'arena-cron'];
/** What the cloud installs beside each bundle: the SDK, and exceljs for the app's 通报 export. */
const pinned: Record<string, Record<string, string>> = {
  arena: { exceljs: '4.4.0', 'wx-server-sdk': '4.0.2' },
  'arena-cron': { 'wx-server-sdk': '4.0.2' },
};
const KEY = 'bundle-test-key';

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build:functions failed:\n${built.stdout}\n${built.stderr}`);
}, 60_000);

let fake: TestCloud;
let opened: string[];
let spies: jest.SpyInstance[];

beforeEach(() => {
  opened = [];
  const block = (what: string) => () => {
    opened.push(what);
    throw new Error('network blocked in the bundle test');
  };
  spies = [
    jest.spyOn(http, 'request').mockImplementation(block('http')),
    jest.spyOn(https, 'request').mockImplementation(block('https')),
    jest.spyOn(net, 'connect').mockImplementation(block('net')),
  ];
  // A fresh environment: the `setup` task creates the collections.
  fake = createTestCloud({ fresh: true });
});

afterEach(() => {
  fake.done();
  for (const s of spies) s.mockRestore();
  expect(opened).toEqual([]);
});

const call = (main: FunctionMain, event: unknown, openid: string | null = null) =>
  fake.emulator.asCaller(openid, () => main(event, { function_name: 'test' }));

describe('cloud function bundles', () => {
  it.each(functions)(
    '%s: its folder names index.js, pins what the cloud installs, and the bundle leaves those out',
    (name) => {
      const pkg = JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'package.json'), 'utf8')) as {
        main: string;
        dependencies: Record<string, string>;
      };
      expect(pkg.main).toBe('index.js');
      expect(pkg.dependencies).toEqual(pinned[name]);
      const bundle = readFileSync(join(root, 'cloudfunctions', name, 'index.js'), 'utf8');
      const packages = [...bundle.matchAll(/require\("([^"]+)"\)/g)]
        .map((m) => m[1]!)
        .filter((id) => !isBuiltin(id));
      expect([...new Set(packages)].sort()).toEqual(Object.keys(pinned[name]!).sort());
      // No import of project sources is left: the folder is complete without the repo.
      expect(bundle).not.toMatch(/require\("\.\.?\//);
    },
  );

  it('every function is bundled, minified, in at most 600 KB (a cold start parses all of it)', () => {
    expect(functionNames().sort()).toEqual([...functions].sort());
    for (const name of functions) {
      const bytes = statSync(bundlePath(name)).size;
      expect({ name, within: bytes <= BUNDLE_LIMIT_BYTES, kb: Math.round(bytes / 1024) }).toMatchObject({
        name,
        within: true,
      });
      // Minified: long lines, not the hundred-thousand-line readable output.
      const lines = readFileSync(bundlePath(name), 'utf8').split('\n').length;
      expect({ name, minified: lines < bytes / 2000 }).toEqual({ name, minified: true });
    }
  });

  it('each inits the cloud once, for the environment it runs in', () => {
    const init = jest.spyOn(cloud, 'init');
    try {
      for (const name of functions) loadFunctionBundle(name);
      expect(init.mock.calls).toEqual([
        [{ env: cloud.DYNAMIC_CURRENT_ENV }],
        [{ env: cloud.DYNAMIC_CURRENT_ENV }],
      ]);
    } finally {
      init.mockRestore();
    }
  });

  it('arena requires exceljs only for an export: a cold start and a call load the SDK and Node’s modules', async () => {
    await call(loadFunctionBundle('arena-cron', { env: { ARENA_TASK_KEY: KEY } }), {
      task: 'setup',
      key: KEY,
    });
    const required: string[] = [];
    const arena = loadFunctionBundle('arena', { required });
    expect(await call(arena, { action: 'campaign.current', data: {} }, 'o-new')).toMatchObject({ ok: false });
    expect(required).toContain('wx-server-sdk');
    expect(required.filter((id) => !isBuiltin(id))).toEqual(['wx-server-sdk']);
  });

  it('arena-cron sets a fresh environment up, runs the timer on it, and refuses the app', async () => {
    const cron = loadFunctionBundle('arena-cron', { env: { ARENA_TASK_KEY: KEY } });
    expect(await call(cron, { task: 'setup', key: KEY })).toMatchObject({
      ok: true,
      data: { created: expect.arrayContaining(['posts']) },
    });
    const timer = await call(cron, { Type: 'Timer', TriggerName: 'hourly', Time: '2025-10-10T01:00:00Z' });
    expect(timer).toMatchObject({ ok: true, data: { ran: [], sent: 0, failed: [] } });
    expect(await call(cron, {}, 'o-someone')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('arena answers by the platform’s OPENID only: none is unauthenticated, an unbound one is asked for an invite', async () => {
    await call(loadFunctionBundle('arena-cron', { env: { ARENA_TASK_KEY: KEY } }), {
      task: 'setup',
      key: KEY,
    });
    const arena = loadFunctionBundle('arena');
    const anonymous = [
      await call(arena, { action: 'me.get', data: {} }),
      await call(arena, { action: 'nope' }),
    ];
    expect(anonymous.map((a) => (a as { error?: { code: string } }).error?.code)).toEqual([
      'UNAUTHENTICATED',
      'NOT_FOUND',
    ]);
    expect(await call(arena, { action: 'post.list', data: {} }, 'o-new')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('邀请码') },
    });
  });

  it('arena keeps zod’s Chinese messages (the only language the bundle carries)', async () => {
    await call(loadFunctionBundle('arena-cron', { env: { ARENA_TASK_KEY: KEY } }), {
      task: 'setup',
      key: KEY,
    });
    const arena = loadFunctionBundle('arena');
    expect(await call(arena, { action: 'campaign.current', data: { stray: 1 } }, 'o-new')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('出现未知的键(key): "stray"') },
    });
  });
});
