/**
 * Serves the H5 build (`dist/h5`) when it exists. Unknown page paths get `index.html`, so a deep link
 * or a reload lands in the app; a missing asset (a path with an extension) is a plain 404.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
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

async function fileAt(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
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

export function serveStaticH5(root: string) {
  return async (c: Context): Promise<Response> => {
    const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    const target = resolveInside(root, path);
    const found = target ? await fileAt(target) : null;
    if (found && target) {
      const type = types[extname(target).toLowerCase()] ?? 'application/octet-stream';
      const cache = type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600';
      return c.body(new Uint8Array(found), 200, { 'content-type': type, 'cache-control': cache });
    }
    if (extname(path) !== '' && !path.endsWith('.html')) return c.text('Not Found', 404);
    const index = await fileAt(join(root, 'index.html'));
    if (!index) return c.text('Not Found', 404);
    return c.body(new Uint8Array(index), 200, {
      'content-type': types['.html'] ?? 'text/html',
      'cache-control': 'no-cache',
    });
  };
}
