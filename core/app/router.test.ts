import { memoryStore } from '../../tests/app/memory-store';
import type { Store } from './ports';
import { rid, testArena, users } from '../../tests/app/arena';

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

describe('the router', () => {
  it('refuses a body that is not an object, and an envelope without action, as INVALID_ARGUMENT', async () => {
    const t = await testArena(memoryStore());
    for (const body of [null, 'post.create', 42, [], undefined]) {
      const r = await t.arena.handle(body, {});
      expect(errorOf(r)).toEqual({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('请求体应为 JSON 对象'),
      });
    }
    expect(errorOf(await t.arena.handle({ data: {} }, {}))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'action：缺少 action',
    });
    const badData = errorOf(await t.arena.handle({ action: 'me.get', data: [1] }, {}));
    expect(badData?.code).toBe('INVALID_ARGUMENT');
    expect(badData?.message).toMatch(/^data：/);
  });

  it('answers an unknown action NOT_FOUND, naming it', async () => {
    const t = await testArena(memoryStore());
    const token = await t.login(users.repA);
    expect(errorOf(await t.call('post.delete' as 'post.create', {}, token))).toEqual({
      code: 'NOT_FOUND',
      message: '未知的操作「post.delete」：请检查 action 名称。',
    });
    // An inherited property name is not an action either.
    expect(errorOf(await t.arena.handle({ action: 'toString', data: {} }, { token }))?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('asks for a session on every action but auth.*', async () => {
    const t = await testArena(memoryStore());
    for (const action of ['me.get', 'campaign.current', 'post.list', 'board.leaderboard'] as const) {
      expect(errorOf(await t.call(action, {}))).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录。' });
    }
    expect((await t.call('auth.demoUsers', {})).ok).toBe(true);
  });

  it('refuses an unknown token, an expired session (and forgets it), and a deleted user', async () => {
    // A user removed behind a live session: SQLite cascades the removal to the sessions, a cloud store may not.
    const store = memoryStore();
    const removed = users.loose.id;
    const withRemoved: Store = {
      ...store,
      people: { ...store.people, getUser: async (id) => (id === removed ? null : store.people.getUser(id)) },
    };
    const t = await testArena(withRemoved, { settings: { sessionTtlMs: 60_000 } });
    expect(errorOf(await t.call('me.get', {}, 'no-such-token'))?.code).toBe('UNAUTHENTICATED');

    const token = await t.login(users.repA);
    expect((await t.call('me.get', {}, token)).ok).toBe(true);
    t.advance(60_000);
    expect(errorOf(await t.call('me.get', {}, token))).toEqual({
      code: 'UNAUTHENTICATED',
      message: '登录已过期，请重新登录。',
    });
    expect(await t.store.people.getSession(t.deps.ids.hashToken(token))).toBeNull();

    await t.store.people.putSession({
      tokenHash: t.deps.ids.hashToken('orphan'),
      userId: removed,
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    expect(errorOf(await t.call('me.get', {}, 'orphan'))?.code).toBe('UNAUTHENTICATED');
  });

  it('checks the session before the input, so a stranger learns nothing about the schema', async () => {
    const t = await testArena(memoryStore());
    expect(errorOf(await t.call('post.create', { unitId: 7 }))?.code).toBe('UNAUTHENTICATED');
  });

  it('names the field and says what to fix when the input is wrong', async () => {
    const t = await testArena(memoryStore());
    const token = await t.login(users.repA);
    expect(errorOf(await t.call('me.get', { extra: 1 }, token))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('extra'),
    });
    expect(errorOf(await t.call('post.list', { limit: 51 }, token))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'limit：每页最多 50 条',
    });
    expect(errorOf(await t.call('post.list', { limit: 2.5 }, token))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'limit：条数应为整数',
    });
    expect(errorOf(await t.call('unit.detail', {}, token))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'unitId：单位 ID应为字符串',
    });
  });

  it('allows rateLimitPerMinute requests a minute per user, then RATE_LIMITED until the window slides', async () => {
    const t = await testArena(memoryStore(), { settings: { rateLimitPerMinute: 120 } });
    const a = await t.login(users.repA);
    const b = await t.login(users.repB);
    for (let i = 0; i < 120; i += 1) {
      expect((await t.call('me.get', {}, a)).ok).toBe(true);
      t.advance(100);
    }
    expect(errorOf(await t.call('me.get', {}, a))).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('每分钟最多 120 次'),
    });
    // Another user is not held back by the first.
    expect((await t.call('me.get', {}, b)).ok).toBe(true);
    // The first request was at +0 s and we are at +12 s: 48 s later it has left the window.
    t.advance(48_000);
    expect((await t.call('me.get', {}, a)).ok).toBe(true);
    expect(errorOf(await t.call('me.get', {}, a))?.code).toBe('RATE_LIMITED');
  });

  it('gives calls without a valid identity a quarter of that per address a minute: sign-ins and bad tokens alike', async () => {
    const t = await testArena(memoryStore(), { settings: { rateLimitPerMinute: 120 } });
    const flood = { ip: '10.8.8.8' };
    for (let i = 0; i < 20; i += 1) expect((await t.call('auth.demoLogin', { userId: users.repA.id }, flood)).ok).toBe(true);
    for (let i = 0; i < 10; i += 1) {
      expect(errorOf(await t.call('me.get', {}, { ...flood, token: `forged-${i}` }))?.code).toBe('UNAUTHENTICATED');
    }
    const limited = {
      code: 'RATE_LIMITED',
      message: '请求过于频繁：未登录或登录已失效的请求，每个网络地址每分钟最多 30 次，请稍后再试。',
    };
    expect(errorOf(await t.call('auth.demoUsers', {}, flood))).toEqual(limited);
    expect(errorOf(await t.call('me.get', {}, { ...flood, token: 'forged-x' }))).toEqual(limited);
    // A signed-in user behind the same address is not held back, nor is another address.
    expect((await t.call('me.get', {}, { ...flood, token: await t.login(users.repB) })).ok).toBe(true);
    expect((await t.call('auth.demoUsers', {}, { ip: '10.8.8.9' })).ok).toBe(true);
    t.advance(60_000);
    expect((await t.call('auth.demoUsers', {}, flood)).ok).toBe(true);
  });

  it('puts callers without an address in one shared budget, and counts an OPENID by itself', async () => {
    const t = await testArena(memoryStore(), { settings: { rateLimitPerMinute: 120 } });
    for (let i = 0; i < 30; i += 1) expect((await t.call('auth.demoUsers', {}, {})).ok).toBe(true);
    expect(errorOf(await t.call('auth.demoUsers', {}, {}))?.code).toBe('RATE_LIMITED');
    expect(errorOf(await t.call('me.get', {}, 'no-such-token'))?.code).toBe('RATE_LIMITED');
    expect((await t.call('auth.demoUsers', {}, { openid: 'o-own-budget' })).ok).toBe(true);
  });

  it('answers INTERNAL in Chinese and logs the cause when the store throws', async () => {
    const memory = memoryStore();
    let broken = false;
    const store: Store = {
      ...memory,
      campaigns: {
        ...memory.campaigns,
        getCity: async (cityId) => {
          if (broken) throw new Error('disk on fire');
          return memory.campaigns.getCity(cityId);
        },
      },
    };
    const log = jest.fn();
    const t = await testArena(store, { log });
    const token = await t.login(users.repA);
    broken = true;
    const r = await t.call(
      'post.create',
      { unitId: 'A', figures: [], text: '进展', requestId: rid() },
      token,
    );
    expect(errorOf(r)).toEqual({ code: 'INTERNAL', message: expect.stringContaining('服务器内部错误') });
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ level: 'error', action: 'post.create', error: 'disk on fire' }),
    );
  });

  it('answers INTERNAL when the session lookup itself fails', async () => {
    const memory = memoryStore();
    const store: Store = {
      ...memory,
      people: {
        ...memory.people,
        getSession: async () => {
          throw new Error('connection reset');
        },
      },
    };
    const t = await testArena(store);
    expect(errorOf(await t.call('me.get', {}, 'any'))?.code).toBe('INTERNAL');
  });
});
