import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesRoute, signedInVia, sniffImage } from './files';
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
const app = (maxBytes = 1024) =>
  createFilesRoute({
    dir,
    maxBytes,
    authenticate: async (token) => ({ good: 'user-a', other: 'user-b' })[token ?? ''] ?? null,
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
      caller.token === 't' ? { ok: true as const, data: { user: { id: 'user-t', name: '王芳' } } } : { ok: false as const },
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
