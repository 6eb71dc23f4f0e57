import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesRoute, signedInVia, sniffImage } from './files';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const html = new TextEncoder().encode('<script>alert(1)</script>');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const app = (maxBytes = 1024) =>
  createFilesRoute({ dir, maxBytes, authenticate: async (token) => token === 'good' });

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
    expect(body.data.url).toMatch(/^\/files\/[0-9a-f]{32}\.png$/);
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
  it('accepts a token me.get accepts, and never asks without one', async () => {
    const handle = jest.fn(async (_body: unknown, caller: { token?: string | null }) => ({
      ok: caller.token === 't',
    }));
    const check = signedInVia({ handle });
    expect(await check('t')).toBe(true);
    expect(await check('x')).toBe(false);
    expect(await check(null)).toBe(false);
    expect(handle).toHaveBeenCalledTimes(2);
    expect(handle).toHaveBeenCalledWith({ action: 'me.get', data: {} }, { token: 't' });
  });
});
