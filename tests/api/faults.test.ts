/**
 * The self-hosted server when its storage fails (issue 9): a database another process has locked, a
 * read-only database, one that cannot be opened, a full disk, and uploads nobody posts. In every case the
 * server keeps answering, says clearly what is wrong, and an acknowledged post is never lost.
 */
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeUploadFs, type UploadFs } from '../../server/files';
import { spawnServer, type ChildServer } from '../../server/spawn';
import { chinese, fixedNow, requestId, startHarness, type Harness } from './harness';
import { holdWriteLock, type HeldLock } from './lock';

jest.setTimeout(60_000);

const reporter = 'demo-reporter-dongcheng';
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

type Health = { ok: boolean; problem?: string; message?: string; dataVersion?: number };

const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
};

const upload = (h: Harness, token: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'site.png');
  return h.raw('/api/files', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
};

describe('a database another process holds the write lock on', () => {
  let h: Harness;
  let token: string;
  let lock: HeldLock | null = null;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.sessionFor(reporter);
  });
  afterAll(async () => {
    await lock?.release();
    await h.stop();
  });

  const post = (id: string, text: string) =>
    h.call('post.create', { unitId: 'u-dongcheng', text, requestId: id }, token);
  const feedTexts = async () =>
    (
      (await h.call('post.list', { limit: 50 }, token)).body.data as { items: Array<{ text: string }> }
    ).items.map((p) => p.text);

  it('keeps answering while locked, refuses the post clearly, and takes the same post exactly once after', async () => {
    const id = requestId();
    const text = `锁住时发的帖子 ${id}`;
    lock = await holdWriteLock(join(h.dataDir, 'arena.db'));

    // Health proves the database writable, finds it locked, and says so within about a second.
    const health = await timed(() => h.raw('/healthz'));
    expect(health.value.status).toBe(503);
    expect((await health.value.json()) as Health).toEqual({
      ok: false,
      problem: 'locked',
      message: expect.stringMatching(/锁定.*arena\.db/),
    });
    expect(health.ms).toBeLessThan(1500);

    // Readers are not held up: a WAL reader never waits for a writer.
    const board = await timed(() => h.call('board.leaderboard', {}, token));
    expect(board.value.status).toBe(200);
    expect(board.ms).toBeLessThan(1500);

    // The post waits for the lock without stopping the server: a leaderboard asked meanwhile answers first.
    let postDone = false;
    const refused = post(id, text).finally(() => (postDone = true));
    const meanwhile = await h.call('board.leaderboard', {}, token);
    expect(meanwhile.status).toBe(200);
    expect(postDone).toBe(false);
    const answer = await refused;
    expect(answer.status).toBe(503);
    expect(answer.body.error).toEqual({
      code: 'UNAVAILABLE',
      message: '服务器正忙，这次没有保存；请稍后再试一次。',
      retryAfterSeconds: 2,
    });
    expect(answer.body.error?.message).toMatch(chinese);
    // The store itself gives up with a StoreUnavailable naming the lock.
    await expect(h.store.people.deleteSession('nobody')).rejects.toMatchObject({
      name: 'StoreUnavailable',
      reason: 'locked',
      retryAfterSeconds: 2,
    });
    expect(await feedTexts()).not.toContain(text);

    await lock.release();
    lock = null;
    const sent = await post(id, text);
    expect(sent.status).toBe(200);
    const again = await post(id, text);
    expect(again.status).toBe(200);
    const postId = (r: typeof sent) => (r.body.data as { post: { id: string } }).post.id;
    expect(postId(again)).toBe(postId(sent));
    expect((await feedTexts()).filter((t) => t === text)).toHaveLength(1);
    expect(((await (await h.raw('/healthz')).json()) as Health).ok).toBe(true);
  });

  it('answers 503 with Retry-After on a locked write', async () => {
    lock = await holdWriteLock(join(h.dataDir, 'arena.db'));
    const res = await h.raw('/api/arena', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        action: 'post.create',
        data: { unitId: 'u-dongcheng', text: '锁', requestId: requestId() },
      }),
    });
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '2']);
    await lock.release();
    lock = null;
  });
});

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const nobody = 65534;

describe('a read-only database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-readonly-'));
  const env = { DATA_DIR: dataDir, ARENA_NOW: fixedNow, ARENA_DEMO: '1', RATE_LIMIT_PER_MINUTE: '100000' };
  let server: ChildServer | null = null;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (action: string, data: unknown, token?: string) => {
    const res = await fetch(`${server!.url}/api/arena`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } },
    };
  };

  it('is reported by /healthz as read-only while reads still answer, and every write fails clearly', async () => {
    // First a normal start, to make the database and sign in.
    server = await spawnServer(env);
    const token = ((await call('auth.demoLogin', { userId: reporter })).body.data as { token: string }).token;
    server.child.kill('SIGTERM');
    await server.exited;

    // The file is made read-only. Root writes whatever the mode says, so the server then runs as nobody,
    // in a folder it may create files in (SQLite's -wal and -shm) beside a database it may only read.
    chmodSync(join(dataDir, 'arena.db'), 0o444);
    chmodSync(dataDir, 0o777);
    mkdirSync(join(dataDir, 'files'), { mode: 0o555 }); // no upload yet: the folder is made here
    if (asRoot) for (const name of readdirSync(dataDir)) chownSync(join(dataDir, name), 0, 0);
    server = await spawnServer(env, asRoot ? { uid: nobody, gid: nobody } : {});

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()) as Health).toEqual({
      ok: false,
      problem: 'read-only',
      message: expect.stringMatching(/^数据库只读.*权限/),
    });

    const board = await call('board.leaderboard', {}, token);
    expect(board.status).toBe(200);

    const sent = await call(
      'post.create',
      { unitId: 'u-dongcheng', text: '只读时发的帖子', requestId: requestId() },
      token,
    );
    expect(sent.body.ok).toBe(false);
    expect(sent.status).toBe(503);
    expect(sent.body.error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/只读.*联系管理员/),
    });
    expect(sent.body.error?.message).toMatch(chinese);
    expect(server.lines.join('\n')).toMatch(/store unavailable \(read-only\)/);

    // An upload into a folder it cannot write is refused the same way, and leaves nothing.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'site.png');
    const up = await fetch(`${server.url}/api/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(up.status).toBe(503);
    expect(((await up.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'UNAVAILABLE',
      message: '服务器的存储当前只读，暂时无法保存；请联系管理员。',
      retryAfterSeconds: 60,
    });
    expect(readdirSync(join(dataDir, 'files'))).toEqual([]);
  });
});

describe('a start that cannot open its database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-cannot-open-'));
  const garbage = 'this is a spreadsheet, not a database'.repeat(200);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the path and the reason, and exits with 2 like a bad setting', async () => {
    const dataDir = join(dir, 'garbled');
    const db = join(dataDir, 'arena.db');
    mkdirSync(dataDir);
    writeFileSync(db, garbage);
    await expect(spawnServer({ DATA_DIR: dataDir })).rejects.toThrow(
      new RegExp(
        `exited \\(code 2[\\s\\S]*启动失败 / failed to start: 无法打开数据库 ${db}：该文件不是 SQLite 数据库`,
      ),
    );
    expect(statSync(db).size).toBe(garbage.length); // left as it was
  });

  it('names a data directory that cannot be made', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    await expect(spawnServer({ DATA_DIR: join(file, 'data') })).rejects.toThrow(
      new RegExp(`exited \\(code 2[\\s\\S]*无法创建数据目录 ${file}/data（ENOTDIR）`),
    );
  });
});

describe('a full disk', () => {
  /** Writes half the bytes, then fails as a full disk does. */
  const fullDisk: UploadFs = {
    ...nodeUploadFs,
    async writeNew(path, bytes) {
      await writeFile(path, bytes.subarray(0, bytes.length >> 1), { flag: 'wx' });
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ uploadFs: fullDisk, freeBytes: async () => 4096 });
  });
  afterAll(() => h.stop());

  it('refuses an upload with 503 in Chinese and leaves no file, short or empty, to be served', async () => {
    const token = await h.sessionFor(reporter);
    const res = await upload(h, token);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: 'UNAVAILABLE',
      message: '服务器存储空间已满，暂时无法保存；请联系管理员。',
    });
    expect(readdirSync(join(h.dataDir, 'files'))).toEqual([]);
  });

  it('is reported by /healthz as a full disk', async () => {
    const res = await h.raw('/healthz');
    expect(res.status).toBe(503);
    expect((await res.json()) as Health).toEqual({
      ok: false,
      problem: 'disk-full',
      message: expect.stringMatching(/磁盘.*满/),
    });
  });
});

describe('uploads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { uploadFilesPerDay: 4 } });
  });
  afterAll(() => h.stop());

  const urlOf = async (res: Response) => ((await res.json()) as { data: { url: string } }).data.url;
  const age = (url: string, hours: number) => {
    const at = (Date.now() - hours * 3600_000) / 1000;
    utimesSync(join(h.dataDir, url.replace('/files/', 'files/')), at, at);
  };

  it('that no post names are removed a day later; posted ones and fresh ones stay', async () => {
    const token = await h.sessionFor(reporter);
    const posted = await urlOf(await upload(h, token));
    const abandoned = await urlOf(await upload(h, token));
    const fresh = await urlOf(await upload(h, token));
    const sent = await h.call(
      'post.create',
      { unitId: 'u-dongcheng', text: '现场照片', photos: [posted], requestId: requestId() },
      token,
    );
    expect(sent.status).toBe(200);
    age(posted, 25);
    age(abandoned, 25);

    expect(await h.sweepUploads()).toEqual({ removed: 1, kept: 1, temporary: 0 });
    expect((await h.raw(posted)).status).toBe(200);
    expect((await h.raw(fresh)).status).toBe(200);
    expect((await h.raw(abandoned)).status).toBe(404);
  });

  it('are limited per user and day, with the limit in Chinese', async () => {
    const token = await h.sessionFor('demo-reporter-xicheng');
    for (let i = 0; i < 4; i++) expect((await upload(h, token)).status).toBe(200);
    const over = await upload(h, token);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^今天上传的照片已达上限：每人每天最多 4 张、共 200 MB/),
    });
  });
});
