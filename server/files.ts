/**
 * Photo uploads for the self-hosted server: `POST /api/files` (multipart, field `file`, signed in) and
 * `GET /files/:name`. An image is recognised by its first bytes, never by its name or declared type;
 * it is stored under the uploader's owner tag and a random part (./photo-refs.ts), so nothing a client
 * sends ends up in a path, and a post can name only its author's own uploads.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, httpStatus, ok, type ErrorCode } from '../core/contract';
import { ownerTag } from './photo-refs';

export interface FilesOptions {
  /** Folder the images are kept in (DATA_DIR/files); made when missing. */
  dir: string;
  /** Largest image accepted, in bytes. */
  maxBytes: number;
  /** The id of the signed-in user a bearer token belongs to, or null (see `signedInVia`). */
  authenticate: (token: string | null) => Promise<string | null>;
}

type Kind = { ext: string; type: string };

const startsWith = (b: Uint8Array, bytes: number[], at = 0): boolean =>
  bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** JPEG, PNG, WebP or GIF by magic bytes; null for anything else. */
export function sniffImage(b: Uint8Array): Kind | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ext: 'jpg', type: 'image/jpeg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ext: 'png', type: 'image/png' };
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')))
    return { ext: 'gif', type: 'image/gif' };
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8))
    return { ext: 'webp', type: 'image/webp' };
  return null;
}

const types: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};
// With the owner tag since issue 7; names from before it are still served.
const storedName = /^(?:[0-9a-f]{16}-)?[0-9a-f]{32}\.(jpg|png|gif|webp)$/;

const bearer = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;

const refuse = (c: Context, code: ErrorCode, message: string, status?: number) =>
  c.json(fail(code, message), (status ?? httpStatus[code]) as ContentfulStatusCode);

type MeAnswer = { ok: true; data: unknown } | { ok: false };

/** Adapts the arena router: a token is good when `me.get` answers ok with it, and names that user. */
export const signedInVia =
  (arena: { handle(body: unknown, caller: { token?: string | null }): Promise<MeAnswer> }) =>
  async (token: string | null): Promise<string | null> => {
    if (token === null) return null;
    const me = await arena.handle({ action: 'me.get', data: {} }, { token });
    const id = me.ok ? (me.data as { user?: { id?: unknown } }).user?.id : undefined;
    return typeof id === 'string' && id !== '' ? id : null;
  };

/** The upload route remembers who is uploading, between the sign-in check and the write. */
export type FilesRoute = Hono<{ Variables: { uploader: string } }>;

export function createFilesRoute({ dir, maxBytes, authenticate }: FilesOptions): FilesRoute {
  const app: FilesRoute = new Hono();
  const mb = `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`;
  const tooBig = (c: Context) => refuse(c, 'INVALID_ARGUMENT', `照片不能超过 ${mb}，请压缩后再传。`, 413);

  app.post(
    '/api/files',
    async (c, next) => {
      // Checked before the body is read: an anonymous caller cannot make us buffer anything.
      const userId = await authenticate(bearer(c.req.header('authorization')));
      if (userId === null) return refuse(c, 'UNAUTHENTICATED', '请先登录，再上传照片。');
      c.set('uploader', userId);
      await next();
    },
    // Room for the multipart headers around the image itself.
    bodyLimit({ maxSize: maxBytes + 16 * 1024, onError: tooBig }),
    async (c) => {
      let file: unknown;
      try {
        file = (await c.req.parseBody())['file'];
      } catch {
        return refuse(c, 'INVALID_ARGUMENT', '上传格式有误：请用 multipart/form-data，字段名为 file。');
      }
      if (!(file instanceof Blob))
        return refuse(c, 'INVALID_ARGUMENT', '没有收到照片：请用字段 file 上传一张图片。');
      if (file.size > maxBytes) return tooBig(c);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const kind = sniffImage(bytes);
      if (!kind) return refuse(c, 'INVALID_ARGUMENT', '只能上传 JPEG、PNG、WebP 或 GIF 格式的图片。', 415);
      const name = `${ownerTag(c.get('uploader'))}-${randomBytes(16).toString('hex')}.${kind.ext}`;
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, name), bytes, { flag: 'wx' });
      return c.json(ok({ url: `/files/${name}`, name, type: kind.type, bytes: bytes.length }));
    },
  );

  app.get('/files/:name', async (c) => {
    const name = c.req.param('name');
    if (!storedName.test(name)) return refuse(c, 'NOT_FOUND', '没有这张照片。');
    let body: Buffer;
    try {
      body = await readFile(join(dir, name));
    } catch {
      return refuse(c, 'NOT_FOUND', '没有这张照片。');
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': types[name.split('.')[1] ?? ''] ?? 'application/octet-stream',
      // Names are random and never reused: the bytes behind one never change.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  return app;
}
