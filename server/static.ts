/**
 * Serves the H5 build (`dist/h5`) when it exists. Unknown page paths get `index.html`, so a deep link
 * or a reload lands in the app; a missing asset (a path with an extension) is a plain 404.
 *
 * Caching: a file whose name carries a content hash (`js/app.8a90fc30.js`) never changes, so browsers
 * keep it for a year without asking; everything else (index.html above all, which names the current
 * hashes) is `no-cache` with an ETag, answered 304 when unchanged. The page's Content-Security-Policy
 * allows the build's own files and its inline scripts by their hashes, computed from index.html as
 * served, so a rebuild needs no setting.
 *
 * Compression: a browser that sends `Accept-Encoding: br` (or `gzip`) gets the text files (scripts,
 * styles, the page, icons) brotli- (or gzip-) compressed, with `Content-Encoding`, `Vary: Accept-Encoding`
 * and an ETag of its own per encoding. The H5 build writes `<file>.br` and `<file>.gz` beside each
 * (config/precompress.ts); a copy that is missing, or that does not unpack to the file beside it (a stale
 * copy after a partial deploy), is replaced by compressing once here and keeping the result in memory.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const immutableCache = 'public, max-age=31536000, immutable';

/** `app.8a90fc30.js`, `295.39651af7.js.LICENSE.txt`: a name with a content hash of 8+ hex digits. */
export const isHashedName = (path: string): boolean => /\.[0-9a-f]{8,}\./i.test(basename(path));

/**
 * Taro's H5 tab bar links are `<a href="javascript:;">` (a click is handled in script): this hash, with
 * 'unsafe-hashes', lets exactly that empty statement run, so a tap is not reported as a violation.
 */
const emptyLinkHash = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;

/**
 * What the page may load: its own scripts, styles and fonts, photos from this server (and `blob:` /
 * `data:` previews before upload), API calls to this server only; no plugins, no framing, no forms
 * elsewhere. Styles allow inline: the page's components set style attributes.
 */
export function pageContentSecurityPolicy(inlineScriptHashes: string[]): string {
  const scripts = [
    "'self'",
    ...inlineScriptHashes.map((h) => `'${h}'`),
    "'unsafe-hashes'",
    emptyLinkHash,
  ].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `sha256-…` of each inline `<script>` of a page (those without `src`), as CSP names them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '') || !m[2]) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** A compressed form of a file, as sent with `Content-Encoding`. */
interface Encoded {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export type Encoding = 'br' | 'gzip';

interface Loaded {
  mtimeMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** HTML only. */
  csp?: string;
  /** Each encoding once made or read (null: not smaller than the file, send it as it is). */
  encoded: Partial<Record<Encoding, Promise<Encoded | null>>>;
}

/** Files as last read, so an unchanged file is neither read nor hashed again. */
const loaded = new Map<string, Loaded>();

async function load(path: string): Promise<Loaded | null> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return null;
    const hit = loaded.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const file: Loaded = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      body: new Uint8Array(body),
      etag,
      encoded: {},
    };
    if (extname(path).toLowerCase() === '.html')
      file.csp = pageContentSecurityPolicy(inlineScriptHashes(body.toString('utf8')));
    loaded.set(path, file);
    return file;
  } catch {
    return null;
  }
}

/** Text worth compressing; images and fonts are compressed already. */
const compressibleTypes = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg']);
const isCompressible = (path: string): boolean => compressibleTypes.has(extname(path).toLowerCase());

const codecs = {
  br: {
    suffix: '.br',
    unpack: promisify(brotliDecompress),
    // On the fly the first request waits for it: a middle quality, near the best size at a fraction of the time.
    pack: (body: Uint8Array) =>
      promisify(brotliCompress)(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
  },
  gzip: {
    suffix: '.gz',
    unpack: promisify(gunzip),
    pack: (body: Uint8Array) => promisify(gzip)(body, { level: 6 }),
  },
} as const;

/** The build's `<path>.br` / `.gz` when it unpacks to exactly `raw`, else null. */
async function readPrecompressed(path: string, raw: Uint8Array, encoding: Encoding): Promise<Buffer | null> {
  const codec = codecs[encoding];
  try {
    const packed = await readFile(path + codec.suffix);
    // Bounded: a copy that unpacks to more than the file cannot be it, and is not unpacked further.
    const unpacked = await codec.unpack(packed, { maxOutputLength: raw.length + 1 });
    return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).equals(unpacked) ? packed : null;
  } catch {
    return null;
  }
}

async function makeEncoded(path: string, file: Loaded, encoding: Encoding): Promise<Encoded | null> {
  try {
    const packed =
      (await readPrecompressed(path, file.body, encoding)) ?? (await codecs[encoding].pack(file.body));
    if (packed.length >= file.body.length) return null;
    return { body: new Uint8Array(packed), etag: `${file.etag.slice(0, -1)}-${encoding}"` };
  } catch {
    return null;
  }
}

function encodedOf(path: string, file: Loaded, encoding: Encoding): Promise<Encoded | null> {
  // One promise per file and encoding: concurrent first requests share one compression.
  file.encoded[encoding] ??= makeEncoded(path, file, encoding);
  return file.encoded[encoding];
}

/**
 * The encoding to send for an `Accept-Encoding` header: brotli when accepted (it is smaller), else gzip,
 * else none. `q=0` refuses an encoding; `*` stands for any not named.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const q = params.map((p) => /^q\s*=\s*(.*)$/.exec(p)?.[1]).find((v) => v !== undefined);
    // A weight that is not a number is read as a refusal rather than as full acceptance.
    const weight = q === undefined ? 1 : Number(q === '' ? NaN : q);
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (...names: string[]) => {
    for (const n of names) if (weights.has(n)) return weights.get(n)!;
    return weights.get('*') ?? 0;
  };
  const br = weightOf('br');
  const gz = weightOf('gzip', 'x-gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

/** The file under `root` for a URL path, or null when the path would leave `root`. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** If-None-Match names this ETag (weak comparison, as for GET), or is `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === etag);
}

async function answer(c: Context, path: string, file: Loaded): Promise<Response> {
  const type = types[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const compressible = isCompressible(path);
  const encoding = compressible ? pickEncoding(c.req.header('accept-encoding')) : null;
  const encoded = encoding ? await encodedOf(path, file, encoding) : null;
  const etag = encoded?.etag ?? file.etag;
  const headers: Record<string, string> = {
    etag,
    'cache-control': isHashedName(path) && !type.startsWith('text/html') ? immutableCache : 'no-cache',
  };
  // Caches must keep the raw and each compressed form apart.
  if (compressible) headers.vary = 'Accept-Encoding';
  if (file.csp) headers['content-security-policy'] = file.csp;
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  if (encoded && encoding) headers['content-encoding'] = encoding;
  return c.body(encoded?.body ?? file.body, 200, { ...headers, 'content-type': type });
}

export function serveStaticH5(root: string) {
  return async (c: Context): Promise<Response> => {
    const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    const target = resolveInside(root, path);
    const found = target ? await load(target) : null;
    if (found && target) return answer(c, target, found);
    if (extname(path) !== '' && !path.endsWith('.html')) return c.text('Not Found', 404);
    const indexPath = join(root, 'index.html');
    const index = await load(indexPath);
    if (!index) return c.text('Not Found', 404);
    return answer(c, indexPath, index);
  };
}
