import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { ok } from '../core/contract';
import { buildApp, type ArenaHandler } from './app';
import { pickEncoding } from './static';

const echo: ArenaHandler = { handle: async (body) => ok({ body }) };

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    const cases: [string | undefined, string | null][] = [
      [undefined, null],
      ['', null],
      ['identity', null],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['x-gzip', 'gzip'],
      ['br', 'br'],
      ['BR;Q=1, GZIP', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.8', 'gzip'],
      ['br;q=0, gzip;q=0', null],
      ['*', 'br'],
      ['*;q=0', null],
      ['gzip, *;q=0', 'gzip'],
      ['deflate', null],
      ['br;q=abc, gzip', 'gzip'],
    ];
    for (const [header, expected] of cases)
      expect([header, pickEncoding(header)]).toEqual([header, expected]);
  });
});

describe('compressed H5 files', () => {
  let root: string;
  // Big and repetitive enough that either encoding is far smaller than the file.
  const script = `console.log(${JSON.stringify('比学赶超 '.repeat(400))});\n`.repeat(10);
  const style = `.card { color: red; }\n`.repeat(200);
  const page = `<!doctype html><title>擂台</title><script>window.a=1</script>${'<p>晒</p>'.repeat(200)}`;
  const png = Buffer.from(Array.from({ length: 2000 }, (_, i) => i % 7));
  // What the build writes (config/precompress.ts), byte for byte, so the test sees which copy is sent.
  const prebuiltBr = brotliCompressSync(script);
  const prebuiltGz = gzipSync(script, { level: 9 });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'arena-static-'));
    mkdirSync(join(root, 'js'));
    mkdirSync(join(root, 'css'));
    mkdirSync(join(root, 'img'));
    writeFileSync(join(root, 'index.html'), page);
    writeFileSync(join(root, 'js', 'app.0a1b2c3d.js'), script);
    writeFileSync(join(root, 'js', 'app.0a1b2c3d.js.br'), prebuiltBr);
    writeFileSync(join(root, 'js', 'app.0a1b2c3d.js.gz'), prebuiltGz);
    // No copies beside it: compressed on the fly.
    writeFileSync(join(root, 'css', 'app.11223344.css'), style);
    // Copies of an older build: they unpack to other bytes and must never be sent for this file.
    writeFileSync(join(root, 'js', 'stale.55667788.js'), script.replace('console', 'consola'));
    writeFileSync(join(root, 'js', 'stale.55667788.js.br'), prebuiltBr);
    writeFileSync(join(root, 'js', 'stale.55667788.js.gz'), Buffer.from('not gzip at all'));
    writeFileSync(join(root, 'js', 'tiny.js'), '1');
    writeFileSync(join(root, 'img', 'icon.png'), png);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const app = () => buildApp({ arena: echo, log: () => {}, staticRoot: root });
  const get = (path: string, headers: Record<string, string> = {}) => app().request(path, { headers });
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it('sends the build’s brotli copy to a browser that accepts br, with its headers', async () => {
    const res = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await bytes(res);
    expect(body.equals(prebuiltBr)).toBe(true);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends the gzip copy when only gzip is accepted, and the file itself when nothing is', async () => {
    const gz = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect((await bytes(gz)).equals(prebuiltGz)).toBe(true);
    const refused = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    for (const raw of [await get('/js/app.0a1b2c3d.js'), refused]) {
      expect(raw.headers.get('content-encoding')).toBeNull();
      // Still varies: a shared cache must not hand this raw copy to a browser that asked for br.
      expect(raw.headers.get('vary')).toBe('Accept-Encoding');
      expect((await bytes(raw)).toString()).toBe(script);
    }
  });

  it('gives each encoding its own ETag and answers 304 only to the matching one', async () => {
    const etagOf = async (ae?: string) =>
      (await get('/js/app.0a1b2c3d.js', ae ? { 'accept-encoding': ae } : {})).headers.get('etag')!;
    const [raw, br, gz] = [await etagOf(), await etagOf('br'), await etagOf('gzip')];
    expect(raw).toMatch(/^"[\w-]{20,}"$/);
    expect(new Set([raw, br, gz]).size).toBe(3);
    const again = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br', 'if-none-match': br });
    expect([again.status, await again.text()]).toEqual([304, '']);
    expect(again.headers.get('etag')).toBe(br);
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    // The raw file's tag does not validate the brotli copy: the browser gets the bytes it can read.
    const other = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br', 'if-none-match': raw });
    expect(other.status).toBe(200);
    expect(brotliDecompressSync(await bytes(other)).toString()).toBe(script);
  });

  it('compresses a file the build left no copy of, once', async () => {
    const first = await get('/css/app.11223344.css', { 'accept-encoding': 'br' });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const body = await bytes(first);
    expect(body.length).toBeLessThan(style.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(style);
    const second = await get('/css/app.11223344.css', { 'accept-encoding': 'br' });
    expect((await bytes(second)).equals(body)).toBe(true);
    const gz = await get('/css/app.11223344.css', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(await bytes(gz)).toString()).toBe(style);
  });

  it('never sends a copy that does not unpack to the file beside it', async () => {
    const current = script.replace('console', 'consola');
    const br = await get('/js/stale.55667788.js', { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(current);
    const gz = await get('/js/stale.55667788.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(current);
  });

  it('compresses the page and its fallback routes, keeping the policy of the page as it is', async () => {
    const plain = await get('/');
    for (const path of ['/', '/pages/board/index']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      expect([path, res.status, res.headers.get('content-encoding')]).toEqual([path, 200, 'br']);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(plain.headers.get('content-security-policy'));
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
      expect(brotliDecompressSync(await bytes(res)).toString()).toBe(page);
    }
  });

  it('sends images and files too small to gain as they are', async () => {
    const image = await get('/img/icon.png', { 'accept-encoding': 'br, gzip' });
    expect(image.headers.get('content-encoding')).toBeNull();
    expect(image.headers.get('vary')).toBeNull();
    expect((await bytes(image)).equals(png)).toBe(true);
    const tiny = await get('/js/tiny.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('1');
    expect((await get('/js/missing.js', { 'accept-encoding': 'br' })).status).toBe(404);
  });
});
