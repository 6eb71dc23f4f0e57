/**
 * Serves the H5 build (`dist/h5`) when it exists. Unknown page paths get `index.html`, so a deep link
 * or a reload lands in the app; a missing asset (a path with an extension) is a plain 404.
 *
 * Caching: a file whose name carries a content hash (`js/app.8a90fc30.js`) never changes, so browsers
 * keep it for a year without asking; everything else (index.html above all, which names the current
 * hashes) is `no-cache` with an ETag, answered 304 when unchanged. The page's Content-Security-Policy
 * allows the build's own files and its inline scripts by their hashes, computed from index.html as
 * served, so a rebuild needs no setting.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, sep } from 'node:path';
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

interface Loaded {
  mtimeMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** HTML only. */
  csp?: string;
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
    const file: Loaded = { mtimeMs: st.mtimeMs, size: st.size, body: new Uint8Array(body), etag };
    if (extname(path).toLowerCase() === '.html')
      file.csp = pageContentSecurityPolicy(inlineScriptHashes(body.toString('utf8')));
    loaded.set(path, file);
    return file;
  } catch {
    return null;
  }
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

function answer(c: Context, path: string, file: Loaded): Response {
  const type = types[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    etag: file.etag,
    'cache-control': isHashedName(path) && !type.startsWith('text/html') ? immutableCache : 'no-cache',
  };
  if (file.csp) headers['content-security-policy'] = file.csp;
  if (matches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, headers);
  return c.body(file.body, 200, { ...headers, 'content-type': type });
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
