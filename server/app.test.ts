import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { ok } from '../core/contract';
import { StoreUnavailable, unavailable } from '../core/app/unavailable';
import { buildApp, type ArenaHandler } from './app';
import { createMemoryLog } from './log';
import { listen, type Listening } from './listen';

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
      UNAVAILABLE: 503,
    };
    for (const [code, status] of Object.entries(codes)) {
      const arena: ArenaHandler = {
        handle: async () => ({ ok: false, error: { code: code as 'INTERNAL', message: '错误' } }),
      };
      const res = await buildApp({ arena, log: () => {} }).request('/api/arena', post('{}'));
      expect([code, res.status]).toEqual([code, status]);
    }
  });

  it('answers UNAVAILABLE with 503 and Retry-After, the wait the answer names (2 s when it names none)', async () => {
    const answers = [
      unavailable(new StoreUnavailable('locked')),
      { ok: false as const, error: { code: 'UNAVAILABLE' as const, message: '服务器正忙' } },
    ];
    const seen: Array<[number, string | null, unknown]> = [];
    for (const answer of answers) {
      const res = await buildApp({ arena: { handle: async () => answer }, log: () => {} }).request(
        '/api/arena',
        post('{"action":"post.create","data":{}}'),
      );
      seen.push([res.status, res.headers.get('retry-after'), await res.json()]);
    }
    expect(seen).toEqual([
      [
        503,
        '2',
        {
          ok: false,
          error: {
            code: 'UNAVAILABLE',
            message: '服务器正忙，这次没有保存；请稍后再试一次。',
            retryAfterSeconds: 2,
          },
        },
      ],
      [503, '2', { ok: false, error: { code: 'UNAVAILABLE', message: '服务器正忙' } }],
    ]);
    // No other answer asks the client to come back.
    const refused = await buildApp({ arena: echo, log: () => {} }).request('/api/arena', post('{'));
    expect(refused.headers.get('retry-after')).toBeNull();
  });

  describe('the client address (TRUST_PROXY)', () => {
    const ipOf = async (trustProxy: number | undefined, forwardedFor?: string) => {
      let ip: string | null | undefined;
      const arena: ArenaHandler = {
        handle: async (_body, caller) => {
          ip = caller.ip;
          return ok({});
        },
      };
      const headers: Record<string, string> =
        forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
      await buildApp({ arena, log: () => {}, ...(trustProxy === undefined ? {} : { trustProxy }) }).request(
        '/api/arena',
        post('{"action":"me.get","data":{}}', headers),
      );
      return ip;
    };

    it('ignores X-Forwarded-For unless told how many proxies to trust', async () => {
      // No socket here, so no peer: a header the client wrote must not stand in for it.
      expect(await ipOf(undefined, '203.0.113.7')).toBeNull();
      expect(await ipOf(0, '203.0.113.7')).toBeNull();
    });

    it('takes the address the trusted proxy appended, not one the client put in front', async () => {
      expect(await ipOf(1, '203.0.113.7')).toBe('203.0.113.7');
      expect(await ipOf(1, '10.9.9.9, 203.0.113.7')).toBe('203.0.113.7');
      expect(await ipOf(2, '10.9.9.9, 203.0.113.7, 198.51.100.2')).toBe('203.0.113.7');
    });
  });

  it('sends the security headers on every answer: API, errors, health, unknown paths', async () => {
    const throws: ArenaHandler = {
      handle: async () => {
        throw new Error('boom');
      },
    };
    const app = buildApp({ arena: throws, log: () => {}, health: async () => ({}) });
    for (const [path, init] of [
      ['/api/arena', post('{"action":"me.get","data":{}}')],
      ['/api/arena', post('not json')],
      ['/healthz', undefined],
      ['/nowhere', undefined],
      ['/', undefined],
    ] as const) {
      const res = await app.request(path, init);
      expect([path, res.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toMatch(
        /default-src 'none'.*frame-ancestors 'none'/,
      );
    }
  });

  it('says on /healthz what is wrong with the database, in Chinese and as a code, with 503', async () => {
    const cases = [
      [new StoreUnavailable('locked', 'database is locked'), 'locked', /锁定/],
      [new StoreUnavailable('read-only', 'attempt to write a readonly database'), 'read-only', /只读/],
      [new StoreUnavailable('disk-full', '1024 bytes free'), 'disk-full', /磁盘.*满/],
      [new Error('SQLITE_CORRUPT'), 'unreadable', /无法读取/],
    ] as const;
    for (const [error, problem, message] of cases) {
      const { log, entries } = createMemoryLog();
      const app = buildApp({
        arena: echo,
        log,
        health: async () => {
          throw error;
        },
      });
      const res = await app.request('/healthz');
      expect([problem, res.status]).toEqual([problem, 503]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { ok: boolean; problem: string; message: string };
      expect(body).toEqual({ ok: false, problem, message: expect.stringMatching(message) });
      expect(entries.filter((e) => e.level === 'error')).toEqual([
        expect.objectContaining({ msg: 'health check failed', problem }),
      ]);
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
    const inline = 'document.documentElement.style.fontSize="20px"';
    const page = `<!doctype html><title>擂台</title><script>${inline}</script><script defer src="/js/app.0a1b2c3d.js"></script>`;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'arena-h5-'));
      mkdirSync(join(root, 'js'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>擂台</title>');
      writeFileSync(join(root, 'js', 'app.js'), 'console.log(1)');
      writeFileSync(join(root, 'js', 'app.0a1b2c3d.js'), 'console.log(2)');
      mkdirSync(join(root, 'shell'));
      writeFileSync(join(root, 'shell', 'index.html'), page);
      writeFileSync(join(tmpdir(), 'arena-secret.txt'), 'secret');
    });

    it('lets browsers keep hashed assets for a year, and revalidate everything else', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      const hashed = await app.request('/js/app.0a1b2c3d.js');
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const plain = await app.request('/js/app.js');
      expect(plain.headers.get('cache-control')).toBe('no-cache');
      for (const path of ['/', '/pages/board/index']) {
        expect((await app.request(path)).headers.get('cache-control')).toBe('no-cache');
      }
    });

    it('gives index.html an ETag and answers 304 to a matching If-None-Match, 200 to a stale one', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      const first = await app.request('/');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]{20,}"$/);
      for (const tag of [etag!, `W/${etag}`, `"stale", ${etag}`, '*']) {
        const again = await app.request('/pages/board/index', { headers: { 'if-none-match': tag } });
        expect([tag, again.status, await again.text()]).toEqual([tag, 304, '']);
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('cache-control')).toBe('no-cache');
      }
      const stale = await app.request('/', { headers: { 'if-none-match': '"stale"' } });
      expect([stale.status, await stale.text()]).toEqual([200, '<!doctype html><title>擂台</title>']);
    });

    it('serves the page with a policy that runs its own scripts, its inline script by hash, and nothing else', async () => {
      const app = buildApp({ arena: echo, log: () => {}, staticRoot: root });
      const res = await app.request('/shell/');
      const csp = res.headers.get('content-security-policy') ?? '';
      const hash = createHash('sha256').update(inline).digest('base64');
      const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
      expect(directive('script-src')).toContain(`'self' 'sha256-${hash}'`);
      expect(directive('script-src')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(directive('default-src')).toBe("default-src 'self'");
      expect(directive('connect-src')).toBe("connect-src 'self'");
      expect(directive('object-src')).toBe("object-src 'none'");
      expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // The script, not the page: it loads nothing and needs no policy of its own.
      const js = await app.request('/js/app.0a1b2c3d.js');
      expect(js.headers.get('content-security-policy')).not.toContain('script-src');
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

  describe('the request body, read from Node', () => {
    let server: Listening;
    let calls: unknown[];
    beforeAll(async () => {
      calls = [];
      const arena: ArenaHandler = {
        handle: async (body) => {
          calls.push(body);
          return ok({ body });
        },
      };
      server = await listen(buildApp({ arena, log: () => {}, maxBodyBytes: 1024 }).fetch, '127.0.0.1', 0);
    });
    afterAll(() => server.close());

    /** A POST sent in pieces without Content-Length (chunked), as a streaming client or proxy sends it. */
    const chunked = (pieces: Buffer[]) =>
      new Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { message: string } } }>(
        (resolve, reject) => {
          const req = request(`${server.url}/api/arena`, { method: 'POST' }, (res) => {
            const parts: Buffer[] = [];
            res.on('data', (d: Buffer) => parts.push(d));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString()) }),
            );
          });
          req.on('error', reject);
          for (const piece of pieces) req.write(piece);
          req.end();
        },
      );

    it('joins a body sent in pieces, a character split between two of them included', async () => {
      const bytes = Buffer.from(JSON.stringify({ action: 'post.create', data: { text: '晒一晒进度' } }));
      const cut = bytes.indexOf(Buffer.from('一')) + 1; // inside the 3 bytes of 一
      const res = await chunked([
        bytes.subarray(0, cut),
        bytes.subarray(cut, cut + 5),
        bytes.subarray(cut + 5),
      ]);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ body: { action: 'post.create', data: { text: '晒一晒进度' } } });
    });

    it('answers 413 in Chinese to a body that grows past the limit without saying its length, and acts on nothing', async () => {
      const before = calls.length;
      const piece = Buffer.from('x'.repeat(400));
      const res = await chunked([Buffer.from('{"action":"me.get","data":{"t":"'), piece, piece, piece]);
      expect(res.status).toBe(413);
      expect(res.body.error?.message).toMatch(/请求体过大：不能超过 1 KB/);
      expect(calls.length).toBe(before);
    });

    it('answers 413 when the declared length is over the limit', async () => {
      const res = await fetch(`${server.url}/api/arena`, {
        method: 'POST',
        body: JSON.stringify({ action: 'me.get', data: { t: 'x'.repeat(2000) } }),
      });
      expect(res.status).toBe(413);
    });
  });

  it('answers 413 to a body over the limit when not served by Node (a fetch handler test)', async () => {
    const app = buildApp({ arena: echo, log: () => {}, maxBodyBytes: 100 });
    const res = await app.request(
      '/api/arena',
      post(JSON.stringify({ action: 'me.get', t: 'x'.repeat(200) })),
    );
    expect(res.status).toBe(413);
  });
});
