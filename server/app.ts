/**
 * The self-hosted host as a function: `{arena, log, staticRoot?}` → a Hono app.
 * `POST /api/arena` turns an HTTP request into one call of the core router and its Result into a status
 * (the only place `httpStatus` is used); `GET /healthz`; the H5 build; JSON-line request logs.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, httpStatus, type Fail, type Result } from '../core/contract';
import type { Arena } from '../core/app';
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
  /** Extra facts for `/healthz` (campaign id, data version); a throw makes it answer 503. */
  health?: () => Promise<Record<string, unknown>>;
}

type Env = { Variables: { action?: string } };

const bearer = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The peer address (failed sign-ins are limited per address); absent when not served by Node (tests). */
const clientIp = (c: Context<Env>): string | null => {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
};

const send = (c: Context<Env>, result: Result<unknown>, status?: number) =>
  c.json(result, (status ?? (result.ok ? 200 : httpStatus[result.error.code])) as ContentfulStatusCode);

const internal: Fail = fail('INTERNAL', '服务器内部错误，请稍后重试；如果一再出现，请联系管理员。');

export function buildApp(options: AppOptions): Hono<Env> {
  const { arena, log, staticRoot, maxBodyBytes = 1024 * 1024 } = options;
  const app = new Hono<Env>();

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

  app.post(
    '/api/arena',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          fail(
            'INVALID_ARGUMENT',
            `请求体过大：不能超过 ${Math.floor(maxBodyBytes / 1024)} KB。照片请先上传，再只提交其地址。`,
          ),
          413,
        ),
    }),
    async (c) => {
      const text = await c.req.text();
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
    },
  );

  if (options.files) app.route('/', options.files);
  app.all('/api/arena', (c) => send(c, fail('INVALID_ARGUMENT', '请用 POST 调用 /api/arena'), 405));
  app.all('/api/*', (c) => send(c, fail('NOT_FOUND', `没有这个接口：${c.req.path}；请用 POST /api/arena`)));

  app.get('/healthz', async (c) => {
    try {
      return c.json({ ok: true, ...(await options.health?.()) });
    } catch (error) {
      log('error', 'health check failed', errorFields(error));
      return c.json({ ok: false }, 503);
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
