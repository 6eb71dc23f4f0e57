/**
 * Photo uploads for the self-hosted server: `POST /api/files` (multipart, field `file`, signed in) and
 * `GET /files/:name`. An image is recognised by its first bytes, never by its name or declared type;
 * it is stored under the uploader's owner tag and a random part (./photo-refs.ts), so nothing a client
 * sends ends up in a path, and a post can name only its author's own uploads.
 *
 * Each user may upload so many files and bytes a day. An upload is written to a temporary name, flushed
 * and then renamed, so a name that is served (as immutable) always has all its bytes: a full disk leaves
 * no short file behind, only a clear 503. Uploads no post uses are removed later (./sweep.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, httpStatus, ok, type ErrorCode } from '../core/contract';
import { StoreUnavailable, unavailable, type UnavailableReason } from '../core/app/unavailable';
import { errorFields, type Log } from './log';
import { ownerTag } from './photo-refs';

/** The file operations an upload makes; tests put a full disk behind them. */
export interface UploadFs {
  /** Creates `path` (never overwrites), writes all of `bytes` and flushes them to the disk. */
  writeNew(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeUploadFs: UploadFs = {
  async writeNew(path, bytes) {
    const file = await open(path, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
  },
  rename,
  unlink,
};

export interface UploadQuota {
  filesPerDay: number;
  bytesPerDay: number;
}

export interface FilesOptions {
  /** Folder the images are kept in (DATA_DIR/files); made when missing. */
  dir: string;
  /** Largest image accepted, in bytes. */
  maxBytes: number;
  /** The id of the signed-in user a bearer token belongs to, or null (see `signedInVia`). */
  authenticate: (token: string | null) => Promise<string | null>;
  /** Per user and day (Asia/Shanghai); none when absent. */
  quota?: UploadQuota;
  fs?: UploadFs;
  /** The real time, epoch ms: file times are real, whatever ARENA_NOW says. */
  now?: () => number;
  log?: Log;
}

/** Temporary names start with a dot: `GET /files/:name` never matches them, and the sweep knows them. */
export const tempPrefix = '.upload-';

/** The day of an instant in Asia/Shanghai (UTC+8 all year), `YYYY-MM-DD`. */
export const shanghaiDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** What a failed write of an upload means for the uploader, or null for an error we do not expect. */
const writeFailure = (error: unknown): UnavailableReason | null => {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  return null;
};

type Usage = { day: string; files: number; bytes: number };

/**
 * Uploads per user today. Counted in memory, and on a user's first upload of the day (in this process)
 * from the files already on disk with their tag, so a restart does not hand out a fresh allowance.
 */
function createUsage(dir: string, now: () => number) {
  const usage = new Map<string, Promise<Usage>>();
  const fromDisk = async (tag: string, day: string): Promise<Usage> => {
    const counted: Usage = { day, files: 0, bytes: 0 };
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return counted;
    }
    for (const name of names) {
      if (!name.startsWith(`${tag}-`)) continue;
      try {
        const st = await stat(join(dir, name));
        if (shanghaiDay(st.mtimeMs) !== day) continue;
        counted.files += 1;
        counted.bytes += st.size;
      } catch {
        // removed meanwhile
      }
    }
    return counted;
  };
  return async (userId: string): Promise<Usage> => {
    const day = shanghaiDay(now());
    let entry = usage.get(userId);
    if (!entry || (await entry).day !== day) {
      entry = fromDisk(ownerTag(userId), day);
      usage.set(userId, entry);
    }
    return entry;
  };
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

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function createFilesRoute(options: FilesOptions): FilesRoute {
  const { dir, maxBytes, authenticate, quota, fs = nodeUploadFs, now = Date.now, log } = options;
  const app: FilesRoute = new Hono();
  const tooBig = (c: Context) =>
    refuse(c, 'INVALID_ARGUMENT', `照片不能超过 ${megabytes(maxBytes)}，请压缩后再传。`, 413);
  const usageOf = createUsage(dir, now);
  const overQuota = (c: Context) =>
    refuse(
      c,
      'RATE_LIMITED',
      `今天上传的照片已达上限：每人每天最多 ${quota?.filesPerDay} 张、共 ${megabytes(quota?.bytesPerDay ?? 0)}` +
        '（北京时间零点重新计算）。请明天再传；确有需要请联系管理员调高上限。',
    );
  const cannotStore = (c: Context, reason: UnavailableReason) => {
    const answer = unavailable(new StoreUnavailable(reason));
    c.header('retry-after', String(answer.error.retryAfterSeconds));
    return c.json(answer, 503);
  };

  app.post(
    '/api/files',
    async (c, next) => {
      // Checked before the body is read: an anonymous caller cannot make us buffer anything.
      const userId = await authenticate(bearer(c.req.header('authorization')));
      if (userId === null) return refuse(c, 'UNAUTHENTICATED', '请先登录，再上传照片。');
      c.set('uploader', userId);
      // Refused before the body is read when today's count is already used up.
      if (quota && (await usageOf(userId)).files >= quota.filesPerDay) return overQuota(c);
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
      const uploader = c.get('uploader');
      // Counted before the write (and given back if it fails): parallel uploads cannot slip past the limit.
      const used = await usageOf(uploader);
      if (quota && (used.files + 1 > quota.filesPerDay || used.bytes + bytes.length > quota.bytesPerDay))
        return overQuota(c);
      used.files += 1;
      used.bytes += bytes.length;

      const name = `${ownerTag(uploader)}-${randomBytes(16).toString('hex')}.${kind.ext}`;
      const temp = join(dir, `${tempPrefix}${name}`);
      try {
        await mkdir(dir, { recursive: true });
        await fs.writeNew(temp, bytes);
        await fs.rename(temp, join(dir, name));
      } catch (error) {
        used.files -= 1;
        used.bytes -= bytes.length;
        await fs.unlink(temp).catch(() => undefined);
        const reason = writeFailure(error);
        if (reason === null) throw error;
        log?.('error', 'upload not stored', { reason, ...errorFields(error) });
        return cannotStore(c, reason);
      }
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
