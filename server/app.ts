/**
 * The self-hosted host as a function: `{arena, log, staticRoot?}` → a Hono app.
 * `POST /api/arena` turns an HTTP request into one call of the core router and its Result into a status
 * (the only place `httpStatus` is used; UNAVAILABLE also gets `Retry-After`); `GET /healthz`, which says
 * what is wrong when the database cannot be written; the H5 build; JSON-line request logs; and the
 * security headers on every response.
 */
import { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, httpStatus, type Fail, type Result } from '../core/contract';
import type { Arena } from '../core/app';
import { isStoreUnavailable, type UnavailableReason } from '../core/app/unavailable';
import { clientAddress } from './client-ip';
import type { FilesRoute } from './files';
import { errorFields, type Log } from './log';
import { serveStaticH5 } from './static';

/** What the core router offers a host (core/app `createArena`); tests pass their own. */
export type ArenaHandler = Arena;

export interface AppOptions {
  arena: ArenaHandler;
  log: Log;
  /** Folder of the H5 build; not served when absent. */
  staticRoot?: string | null;
  /** Largest request body accepted, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** Photo upload and download (`POST /api/files`, `GET /files/:name`); not served when absent. */
  files?: FilesRoute;
  /**
   * Facts for `/healthz` (campaign id, data version) once it has proved the database writable; a throw
   * makes it answer 503, naming the problem when the throw is a StoreUnavailable.
   */
  health?: () => Promise<Record<string, unknown>>;
  /** Reverse proxies in front of the server (TRUST_PROXY): where the client address comes from. */
  trustProxy?: number;
}

type Env = { Variables: { action?: string }; Bindings: { incoming?: unknown } };

const utf8 = new TextDecoder();

/**
 * The request body as text, or null when it is larger than `maxBytes` (said by Content-Length, or found
 * while reading). Served by Node, it is read straight from Node's request: building the web Request and
 * its body stream for it cost more CPU than the rest of a post's HTTP handling.
 */
async function bodyText(c: Context<Env>, maxBytes: number): Promise<string | null> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBytes) return null;
  const incoming = c.env?.incoming;
  if (!(incoming instanceof IncomingMessage)) {
    const text = await c.req.text();
    return Buffer.byteLength(text) > maxBytes ? null : text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  // TextDecoder, as Request.text() does: invalid bytes become U+FFFD and a leading BOM is dropped.
  return utf8.decode(Buffer.concat(chunks, size));
}

const bearer = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The socket peer; absent when not served by Node (tests). */
const peerIp = (c: Context<Env>): string | null => {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
};

const send = (c: Context<Env>, result: Result<unknown>, status?: number) => {
  if (!result.ok && result.error.code === 'UNAVAILABLE')
    c.header('retry-after', String(result.error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
  return c.json(
    result,
    (status ?? (result.ok ? 200 : httpStatus[result.error.code])) as ContentfulStatusCode,
  );
};

const DEFAULT_RETRY_AFTER_SECONDS = 2;

/**
 * Set on every response. The H5 page gets its own Content-Security-Policy (./static.ts); everything else
 * (API answers, photos) loads nothing and runs nothing.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** What `/healthz` says for each problem, to the operator who reads it. */
const healthProblems: Readonly<Record<UnavailableReason | 'unreadable', string>> = {
  locked:
    '数据库被其他进程锁定，写入暂时无法进行：请检查是否有备份、迁移脚本或第二个服务器实例占着 arena.db。',
  'read-only':
    '数据库只读，所有写入都会失败：请检查 arena.db 与其所在目录的权限，以及磁盘是否以只读方式挂载。',
  'disk-full': '数据目录所在的磁盘已满或将满，写入和上传会失败：请清理磁盘空间。',
  unreadable: '数据库无法读取：请查看服务器日志。',
};

const internal: Fail = fail('INTERNAL', '服务器内部错误，请稍后重试；如果一再出现，请联系管理员。');

export function buildApp(options: AppOptions): Hono<Env> {
  const { arena, log, staticRoot, maxBodyBytes = 1024 * 1024 } = options;
  const app = new Hono<Env>();
  const clientIp = (c: Context<Env>) =>
    clientAddress(c.req.header('x-forwarded-for'), peerIp(c), options.trustProxy ?? 0);

  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', apiContentSecurityPolicy);
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 100) / 100;
    log('info', 'request', {
      method: c.req.method,
      path: c.req.path,
      action: c.get('action'),
      status: c.res.status,
      ms,
    });
  });

  app.onError((error, c) => {
    log('error', 'unhandled error', { path: c.req.path, action: c.get('action'), ...errorFields(error) });
    return send(c, internal);
  });

  const tooLarge = fail(
    'INVALID_ARGUMENT',
    `请求体过大：不能超过 ${Math.floor(maxBodyBytes / 1024)} KB。照片请先上传，再只提交其地址。`,
  );
  app.post('/api/arena', async (c) => {
    const text = await bodyText(c, maxBodyBytes);
    if (text === null) return c.json(tooLarge, 413);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const hint = text.trim() === '' ? '请求体为空' : '请求体不是合法的 JSON';
      return send(c, fail('INVALID_ARGUMENT', `${hint}：应为 {"action": "…", "data": {…}}`));
    }
    if (!isPlainObject(body)) {
      return send(c, fail('INVALID_ARGUMENT', '请求体应为 JSON 对象 {"action": "…", "data": {…}}'));
    }
    if (typeof body.action === 'string') c.set('action', body.action.slice(0, 100));
    let result: Result<unknown>;
    try {
      result = await arena.handle(body, { token: bearer(c.req.header('authorization')), ip: clientIp(c) });
    } catch (error) {
      log('error', 'action failed', { action: c.get('action'), ...errorFields(error) });
      result = internal;
    }
    return send(c, result);
  });

  if (options.files) app.route('/', options.files);
  app.all('/api/arena', (c) => send(c, fail('INVALID_ARGUMENT', '请用 POST 调用 /api/arena'), 405));
  app.all('/api/*', (c) => send(c, fail('NOT_FOUND', `没有这个接口：${c.req.path}；请用 POST /api/arena`)));

  app.get('/healthz', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      return c.json({ ok: true, ...(await options.health?.()) });
    } catch (error) {
      const problem = isStoreUnavailable(error) ? error.reason : 'unreadable';
      log('error', 'health check failed', { problem, ...errorFields(error) });
      return c.json({ ok: false, problem, message: healthProblems[problem] }, 503);
    }
  });

  if (staticRoot) app.get('*', serveStaticH5(staticRoot));
  else
    app.get('/', (c) =>
      c.text('比学赶超 微擂台：接口在 POST /api/arena。H5 页面尚未构建（npm run build:h5）。\n'),
    );
  app.notFound((c) => send(c, fail('NOT_FOUND', `没有这个地址：${c.req.method} ${c.req.path}`)));
  return app;
}
