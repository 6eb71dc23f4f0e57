import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFilesRoute,
  nodeUploadFs,
  shanghaiDay,
  signedInVia,
  sniffImage,
  type FilesOptions,
  type UploadFs,
} from './files';
import { createMemoryLog } from './log';
import { createServerPhotoRefs, ownerTag } from './photo-refs';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const html = new TextEncoder().encode('<script>alert(1)</script>');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** 'good' signs in as user-a, 'other' as user-b. */
const app = (maxBytes = 1024, more: Partial<FilesOptions> = {}) =>
  createFilesRoute({
    dir,
    maxBytes,
    authenticate: async (token) => ({ good: 'user-a', other: 'user-b' })[token ?? ''] ?? null,
    ...more,
  });

function upload(
  a: ReturnType<typeof app>,
  bytes: Uint8Array<ArrayBuffer>,
  opts: { token?: string; name?: string; type?: string } = {},
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: opts.type ?? 'image/png' }), opts.name ?? 'photo.png');
  return a.request('/api/files', {
    method: 'POST',
    body: form,
    headers:
      opts.token === undefined
        ? { authorization: 'Bearer good' }
        : opts.token
          ? { authorization: `Bearer ${opts.token}` }
          : {},
  });
}

describe('photo upload', () => {
  it('stores an image under a random name and serves the same bytes back with its type', async () => {
    const a = app();
    const res = await upload(a, png, { name: '../../etc/passwd.png' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { url: string; type: string } };
    expect(body.ok).toBe(true);
    expect(body.data.url).toMatch(new RegExp(`^/files/${ownerTag('user-a')}-[0-9a-f]{32}\\.png$`));
    expect(readdirSync(dir)).toHaveLength(1);

    const got = await a.request(body.data.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(png);
  });

  it('judges by content: markup named photo.jpg and typed image/jpeg is refused in Chinese', async () => {
    const res = await upload(app(), html, { name: 'photo.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '只能上传 JPEG、PNG、WebP 或 GIF 格式的图片。' },
    });
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('names the file by what it is, whatever it was called', async () => {
    const res = await upload(app(), jpeg, { name: 'x.png', type: 'image/png' });
    const body = (await res.json()) as { data: { url: string; type: string } };
    expect(body.data.url).toMatch(/\.jpg$/);
    expect(body.data.type).toBe('image/jpeg');
  });

  it('refuses a caller who is not signed in, and stores nothing', async () => {
    for (const token of ['', 'bad']) {
      const res = await upload(app(), png, { token });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('refuses an image over the size limit with the limit in the message', async () => {
    const big = new Uint8Array(64 * 1024);
    big.set(png);
    const res = await upload(app(32 * 1024), big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('照片不能超过');
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('refuses a request without a file field', async () => {
    const res = await app().request('/api/files', {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: 'Bearer good' },
    });
    expect(res.status).toBe(400);
  });

  it('serves only names it could have made: no path tricks, no unknown files', async () => {
    const a = app();
    for (const path of [
      '/files/..%2F..%2Fetc%2Fpasswd',
      '/files/abc.png',
      `/files/${'0'.repeat(32)}.png`,
      `/files/${'0'.repeat(32)}.html`,
    ]) {
      expect((await a.request(path)).status).toBe(404);
    }
  });
});

describe('the daily upload quota', () => {
  const noon = Date.parse('2025-10-20T04:00:00Z'); // 12:00 in Shanghai
  const quota = { filesPerDay: 3, bytesPerDay: 10 * 1024 * 1024 };
  type Answer = { ok: boolean; error?: { code: string; message: string } };

  it('takes a user’s photos up to the count, then refuses with RATE_LIMITED naming the limit in Chinese', async () => {
    const a = app(1024, { quota, now: () => noon });
    for (let i = 0; i < 3; i++) expect((await upload(a, png)).status).toBe(200);
    const over = await upload(a, png);
    expect(over.status).toBe(429);
    expect(((await over.json()) as Answer).error).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^今天上传的照片已达上限：每人每天最多 3 张、共 10 MB.*请明天再传/),
    });
    expect(readdirSync(dir)).toHaveLength(3);
    // Someone else's allowance is their own.
    expect((await upload(a, png, { token: 'other' })).status).toBe(200);
  });

  it('counts bytes too: an image that would pass the day’s bytes is refused and not stored', async () => {
    const a = app(8 * 1024, { quota: { filesPerDay: 100, bytesPerDay: 6 * 1024 }, now: () => noon });
    const big = new Uint8Array(4 * 1024);
    big.set(png);
    expect((await upload(a, big)).status).toBe(200);
    const over = await upload(a, big);
    expect(over.status).toBe(429);
    expect(((await over.json()) as Answer).error?.code).toBe('RATE_LIMITED');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('starts again at midnight in Shanghai', async () => {
    let now = noon;
    const a = app(1024, { quota, now: () => now });
    for (let i = 0; i < 3; i++) await upload(a, png);
    expect((await upload(a, png)).status).toBe(429);
    now = Date.parse('2025-10-20T16:00:00Z'); // 00:00 on the 21st in Shanghai
    expect((await upload(a, png)).status).toBe(200);
  });

  it('counts today’s files already on disk after a restart, and not yesterday’s', async () => {
    const first = app(1024, { quota });
    await upload(first, png);
    await upload(first, png);
    const [older] = readdirSync(dir);
    const yesterday = (Date.now() - 24 * 3600_000) / 1000;
    utimesSync(join(dir, older!), yesterday, yesterday);
    // A new process: one of today's two is counted, so two more fit and the third does not.
    const restarted = app(1024, { quota });
    expect((await upload(restarted, png)).status).toBe(200);
    expect((await upload(restarted, png)).status).toBe(200);
    expect((await upload(restarted, png)).status).toBe(429);
  });

  it('gives the allowance back when a write fails', async () => {
    const full = failingFs('ENOSPC');
    const a = app(1024, { quota: { filesPerDay: 1, bytesPerDay: 10_000 }, now: () => noon, fs: full });
    expect((await upload(a, png)).status).toBe(503);
    full.fail = false;
    expect((await upload(a, png)).status).toBe(200);
  });

  it('knows the Shanghai day of an instant', () => {
    expect(shanghaiDay(Date.parse('2025-10-20T15:59:59Z'))).toBe('2025-10-20');
    expect(shanghaiDay(Date.parse('2025-10-20T16:00:00Z'))).toBe('2025-10-21');
  });
});

/** The real file system, except that a write stops half-way with `code` while `fail` is set. */
function failingFs(code: string): UploadFs & { fail: boolean } {
  return {
    fail: true,
    async writeNew(path, bytes) {
      if (!this.fail) return nodeUploadFs.writeNew(path, bytes);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)), { flag: 'wx' });
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
    rename: nodeUploadFs.rename,
    unlink: nodeUploadFs.unlink,
  };
}

describe('a write that fails', () => {
  it('on a full disk leaves no file, short or empty, and answers 503 UNAVAILABLE in Chinese with Retry-After', async () => {
    const { log, entries } = createMemoryLog();
    const a = app(1024, { fs: failingFs('ENOSPC'), log });
    const res = await upload(a, png);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: '服务器存储空间已满，暂时无法保存；请联系管理员。',
        retryAfterSeconds: 60,
      },
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(entries).toEqual([
      expect.objectContaining({ level: 'error', msg: 'upload not stored', reason: 'disk-full' }),
    ]);
  });

  it('on a read-only disk says so', async () => {
    const res = await upload(app(1024, { fs: failingFs('EROFS') }), png);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/只读/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('for a reason nobody expects is the server’s error, and still leaves nothing behind', async () => {
    const res = await upload(app(1024, { fs: failingFs('EIO') }), png);
    expect(res.status).toBe(500);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never leaves a served name without all its bytes: the name appears only by rename', async () => {
    const renames: Array<[string, string]> = [];
    const watching: UploadFs = {
      ...nodeUploadFs,
      rename: async (from, to) => {
        renames.push([from, to]);
        // At the moment of the rename, the temporary file already holds every byte.
        expect(new Uint8Array(readFileSync(from))).toEqual(png);
        return nodeUploadFs.rename(from, to);
      },
    };
    const res = await upload(app(1024, { fs: watching }), png);
    const { name } = ((await res.json()) as { data: { name: string } }).data;
    expect(renames).toEqual([[join(dir, `.upload-${name}`), join(dir, name)]]);
    expect(readdirSync(dir)).toEqual([name]);
  });
});

describe('image sniffing', () => {
  it('knows the four formats by their first bytes and nothing else', () => {
    expect(sniffImage(png)?.type).toBe('image/png');
    expect(sniffImage(jpeg)?.type).toBe('image/jpeg');
    expect(sniffImage(webp)?.type).toBe('image/webp');
    expect(sniffImage(new TextEncoder().encode('GIF89a....'))?.type).toBe('image/gif');
    expect(sniffImage(new TextEncoder().encode('RIFF....WAVE'))).toBeNull();
    expect(sniffImage(html)).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('signed in via the arena', () => {
  it('names the user of a token me.get accepts, and never asks without one', async () => {
    const handle = jest.fn(async (_body: unknown, caller: { token?: string | null }) =>
      caller.token === 't'
        ? { ok: true as const, data: { user: { id: 'user-t', name: '王芳' } } }
        : { ok: false as const },
    );
    const check = signedInVia({ handle });
    expect(await check('t')).toBe('user-t');
    expect(await check('x')).toBeNull();
    expect(await check(null)).toBeNull();
    expect(handle).toHaveBeenCalledTimes(2);
    expect(handle).toHaveBeenCalledWith({ action: 'me.get', data: {} }, { token: 't' });
  });
});

describe('whose photo it is', () => {
  const uploadAs = async (a: ReturnType<typeof app>, token: string) =>
    ((await (await upload(a, png, { token })).json()) as { data: { url: string } }).data.url;

  it('an upload belongs to its uploader: theirs to post, nobody else’s', async () => {
    const a = app();
    const refs = createServerPhotoRefs(dir);
    const mine = await uploadAs(a, 'good');
    const theirs = await uploadAs(a, 'other');
    expect(await refs.owns(mine, { userId: 'user-a' })).toBe(true);
    expect(await refs.owns(theirs, { userId: 'user-b' })).toBe(true);
    expect(await refs.owns(theirs, { userId: 'user-a' })).toBe(false);
    expect(await refs.owns(mine, { userId: 'user-b' })).toBe(false);
  });

  it('refuses what was never uploaded here, however it is written', async () => {
    const refs = createServerPhotoRefs(dir);
    const made = `/files/${ownerTag('user-a')}-${'0'.repeat(32)}.png`;
    for (const ref of [
      made, // the right shape, but no such file
      'https://elsewhere.example/a.png',
      'javascript:alert(1)',
      `/files/${'0'.repeat(32)}.png`,
      `/files/${ownerTag('user-a')}-../../arena.db`,
      `${made}?x=1`,
    ]) {
      expect(await refs.owns(ref, { userId: 'user-a' })).toBe(false);
    }
  });
});
