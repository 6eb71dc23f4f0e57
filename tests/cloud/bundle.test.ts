/**
 * `npm run build:functions` makes bundles that upload and run as they are: each builds, loads in a plain
 * Node process from a folder holding only the bundle and a stub wx-server-sdk (the cloud installs the
 * real one), with the network blocked, exports `main`, and answers calls with a faked WX context.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const functions = ['arena', 'arena-cron'];

// A stand-in SDK: an empty database (every document missing), the context from FAKE_OPENID.
const stubSdk = `
const missing = (id) => Object.assign(new Error('document.get:fail cannot find document with _id ' + id), { errCode: -1 });
const query = {
  where: () => query, orderBy: () => query, limit: () => query, skip: () => query, field: () => query,
  get: async () => ({ data: [] }), count: async () => ({ total: 0 }),
};
const doc = (id) => ({
  get: () => Promise.reject(missing(id)),
  set: async () => ({}), update: async () => ({ stats: { updated: 0 } }), remove: async () => ({}),
});
const inits = [];
module.exports = {
  get DYNAMIC_CURRENT_ENV() { return Symbol.for('DYNAMIC_CURRENT_ENV'); },
  init: (options) => { inits.push(options && options.env); },
  database: () => ({
    command: {},
    collection: () => Object.assign({}, query, { doc, add: async () => ({ _id: 'x' }), aggregate: () => { throw new Error('no aggregate'); } }),
    runTransaction: async (fn) => fn({ collection: () => ({ doc, add: async () => ({ _id: 'x' }) }), rollback: async () => {} }),
    createCollection: async () => ({}),
  }),
  getWXContext: () => (process.env.FAKE_OPENID ? { OPENID: process.env.FAKE_OPENID } : {}),
  openapi: { subscribeMessage: { send: async () => ({ errCode: 0 }) }, security: { msgSecCheck: async () => ({ errCode: 0, result: { suggest: 'pass' } }) } },
  getTempFileURL: async ({ fileList }) => ({ fileList: fileList.map((fileID) => ({ fileID, status: 1 })) }),
  __inits: inits,
};
`;

// Any attempt to open a connection fails the run loudly.
const blockNetwork = `
const net = require('node:net');
net.Socket.prototype.connect = function () { throw new Error('network blocked in the bundle test'); };
`;

// Loads the bundle, calls main once per event, prints what came back.
const runner = `
const events = JSON.parse(process.env.EVENTS);
const fn = require('./index.js');
const sdk = require('wx-server-sdk');
(async () => {
  const answers = [];
  for (const event of events) answers.push(await fn.main(event, { function_name: 'test' }));
  console.log(JSON.stringify({ exports: Object.keys(fn), mainType: typeof fn.main, inits: sdk.__inits.map(String), answers }));
})().catch((e) => { console.error(e); process.exit(2); });
`;

interface RunResult {
  exports: string[];
  mainType: string;
  inits: string[];
  answers: Array<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
}

let dir: string;

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:functions failed:\n${built.stdout}\n${built.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'arena-bundle-'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBundle(name: string, events: unknown[], openid?: string): RunResult {
  const at = join(dir, name);
  mkdirSync(join(at, 'node_modules', 'wx-server-sdk'), { recursive: true });
  copyFileSync(join(root, 'cloudfunctions', name, 'index.js'), join(at, 'index.js'));
  writeFileSync(join(at, 'node_modules', 'wx-server-sdk', 'index.js'), stubSdk);
  writeFileSync(join(at, 'block-network.js'), blockNetwork);
  const env = { ...process.env, EVENTS: JSON.stringify(events), FAKE_OPENID: openid ?? '' };
  const r = spawnSync(process.execPath, ['--require', './block-network.js', '-e', runner], { cwd: at, env, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${name} bundle failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as RunResult;
}

describe('cloud function bundles', () => {
  it.each(functions)('%s: its folder names index.js, pins wx-server-sdk, and the bundle leaves the SDK out', (name) => {
    const pkg = JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
    const bundle = readFileSync(join(root, 'cloudfunctions', name, 'index.js'), 'utf8');
    expect(bundle).toContain('require("wx-server-sdk")');
    // No import of project sources is left: the folder is complete without the repo.
    expect(bundle).not.toMatch(/require\("\.\.?\//);
  });

  it('arena loads without network, inits the cloud once, and answers by the platform’s OPENID only', () => {
    const anonymous = runBundle('arena', [{ action: 'me.get', data: {} }, { action: 'nope' }]);
    expect(anonymous.mainType).toBe('function');
    expect(anonymous.exports).toContain('main');
    expect(anonymous.inits).toEqual(['Symbol(DYNAMIC_CURRENT_ENV)']);
    expect(anonymous.answers.map((a) => a.error?.code)).toEqual(['UNAUTHENTICATED', 'NOT_FOUND']);

    const unbound = runBundle('arena', [{ action: 'post.list', data: {} }], 'o-new');
    expect(unbound.answers[0]).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('邀请码') } });
  });

  it('arena-cron loads without network, runs the timer on an empty environment, refuses the app', () => {
    const timer = runBundle('arena-cron', [{ Type: 'Timer', TriggerName: 'hourly', Time: '2025-10-10T01:00:00Z' }]);
    expect(timer.mainType).toBe('function');
    expect(timer.answers[0]).toEqual({ ok: true, data: { ran: [], sent: 0, skipped: 0, failed: [], left: 0, unfinished: [] } });
    const fromApp = runBundle('arena-cron', [{}], 'o-someone');
    expect(fromApp.answers[0]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
