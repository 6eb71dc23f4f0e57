import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '../core/contract';
import { buildApp, type ArenaHandler } from './app';
import { createMemoryLog } from './log';

const echo: ArenaHandler = { handle: async (body, caller) => ok({ body, token: caller.token ?? null }) };
const post = (body: string, headers: Record<string, string> = {}) => ({ method: 'POST', body, headers });

describe('the HTTP app', () => {
  it('hands the parsed body and the bearer token to the arena', async () => {
    const app = buildApp({ arena: echo, log: createMemoryLog().log });
    const res = await app.request(
      '/api/arena',
      post('{"action":"me.get","data":{}}', { authorization: 'Bearer abc.DEF-1' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      data: { body: { action: 'me.get', data: {} }, token: 'abc.DEF-1' },
    });
  });

  it('answers 500 with the envelope when the arena itself throws, and logs the error without the token', async () => {
    const { log, entries } = createMemoryLog();
    const arena: ArenaHandler = {
      handle: async () => {
        throw new Error('boom');
      },
    };
    const app = buildApp({ arena, log });
    const res = await app.request(
      '/api/arena',
      post('{"action":"me.get"}', { authorization: 'Bearer secret-token' }),
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toMatch(/服务器内部错误/);
    expect(entries.some((e) => e.level === 'error' && e.error === 'boom' && e.action === 'me.get')).toBe(
      true,
    );
    expect(JSON.stringify(entries)).not.toContain('secret-token');
  });

  it('maps each error code to its status', async () => {
    const codes = {
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      INVALID_ARGUMENT: 400,
      NOT_FOUND: 404,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      INTERNAL: 500,
    };
    for (const [code, status] of Object.entries(codes)) {
      const arena: ArenaHandler = {
        handle: async () => ({ ok: false, error: { code: code as 'INTERNAL', message: '错误' } }),
      };
      const res = await buildApp({ arena, log: () => {} }).request('/api/arena', post('{}'));
      expect([code, res.status]).toEqual([code, status]);
    }
  });

  it('reports health with the facts it is given, and 503 when they cannot be read', async () => {
    const healthy = buildApp({
      arena: echo,
      log: () => {},
      health: async () => ({ campaignId: 'c1', dataVersion: 7 }),
    });
    expect(await (await healthy.request('/healthz')).json()).toEqual({
      ok: true,
      campaignId: 'c1',
      dataVersion: 7,
    });
    const sick = buildApp({
      arena: echo,
      log: () => {},
      health: async () => {
        throw new Error('database is locked');
      },
    });
    expect((await sick.request('/healthz')).status).toBe(503);
  });

  describe('with an H5 build', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'arena-h5-'));
      mkdirSync(join(root, 'js'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>擂台</title>');
      writeFileSync(join(root, 'js', 'app.js'), 'console.log(1)');
      writeFileSync(join(tmpdir(), 'arena-secret.txt'), 'secret');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('serves its files, and index.html for unknown page paths', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      const js = await app.request('/js/app.js');
      expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
      for (const path of ['/', '/pages/board/index', '/unit/u-1']) {
        const page = await app.request(path);
        expect([path, page.status, await page.text()]).toEqual([
          path,
          200,
          '<!doctype html><title>擂台</title>',
        ]);
      }
      expect((await app.request('/js/missing.js')).status).toBe(404);
    });

    it('never serves a file outside the build folder', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      for (const path of [
        '/../arena-secret.txt',
        '/%2e%2e/arena-secret.txt',
        '/js/..%2F..%2Farena-secret.txt',
      ]) {
        const res = await app.request(path);
        expect(await res.text()).not.toBe('secret');
      }
    });

    it('keeps API paths out of the page fallback', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      const res = await app.request('/api/unknown');
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    });
  });
});
