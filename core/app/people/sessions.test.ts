import { createHash } from 'node:crypto';
import { createSqliteStore } from '../../../adapters/sqlite';
import { nodeIds } from '../../../adapters/node/ids';
import { memoryStore } from '../../../tests/app/memory-store';
import { testArena, users } from '../../../tests/app/arena';
import type { UserRecord } from './store';
import { createArena } from '../router';

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

describe('sessions at rest', () => {
  it('keeps only the SHA-256 of a token: the database holds no token, and what it holds signs nobody in', async () => {
    const sqlite = createSqliteStore({ file: ':memory:' });
    try {
      const t = await testArena(sqlite.store);
      const arena = createArena({ ...t.deps, ids: nodeIds });
      const login = await arena.handle({ action: 'auth.demoLogin', data: { userId: users.repA.id } }, {});
      if (!login.ok) throw new Error(login.error.message);
      const { token } = login.data as { token: string };
      const rows = sqlite.db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
      expect(rows).toEqual([
        {
          token_hash: createHash('sha256').update(token).digest('hex'),
          user_id: users.repA.id,
          expires_at: expect.any(Number),
        },
      ]);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(await arena.handle({ action: 'me.get', data: {} }, { token })).toMatchObject({ ok: true });
      const stolen = String(rows[0]?.token_hash);
      expect(errorOf(await arena.handle({ action: 'me.get', data: {} }, { token: stolen }))?.code).toBe(
        'UNAUTHENTICATED',
      );
      // Signing out finds the session by the same hash.
      expect(await arena.handle({ action: 'me.logout', data: {} }, { token })).toEqual({
        ok: true,
        data: {},
      });
      expect(sqlite.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    } finally {
      sqlite.close();
    }
  });
});

describe('me.logoutAll', () => {
  it('ends every session of the caller, this one included, and no one else’s; answers how many were live', async () => {
    const t = await testArena(memoryStore(), { settings: { sessionTtlMs: 3_600_000 } });
    const stale = await t.login(users.repA);
    t.advance(3_600_000);
    const mine = [await t.login(users.repA), await t.login(users.repA), await t.login(users.repA)];
    const theirs = await t.login(users.repB);
    expect(await t.expectOk('me.logoutAll', {}, mine[1])).toEqual({ ended: 3 });
    for (const token of [...mine, stale])
      expect(errorOf(await t.call('me.get', {}, token))?.code).toBe('UNAUTHENTICATED');
    expect(await t.store.people.listUserSessions(users.repA.id)).toEqual([]);
    expect((await t.call('me.get', {}, theirs)).ok).toBe(true);
  });

  it('on WeChat ends the user’s sessions and leaves the OPENID signed in', async () => {
    const t = await testArena(memoryStore());
    await t.store.people.putUser({ ...users.repC, openid: 'o-rep-c' });
    const token = await t.login(users.repC);
    expect(await t.expectOk('me.logoutAll', {}, { openid: 'o-rep-c' })).toEqual({ ended: 1 });
    expect(errorOf(await t.call('me.get', {}, token))?.code).toBe('UNAUTHENTICATED');
    expect((await t.call('me.get', {}, { openid: 'o-rep-c' })).ok).toBe(true);
  });

  it('needs a session', async () => {
    const t = await testArena(memoryStore());
    expect(errorOf(await t.call('me.logoutAll', {}))).toEqual({
      code: 'UNAUTHENTICATED',
      message: '请先登录。',
    });
  });
});

describe('admin.user.revokeSessions', () => {
  const elsewhere: UserRecord = {
    id: 'far-rep',
    name: '远方',
    role: 'reporter',
    cityId: 'city-far',
    unitId: null,
  };

  async function arena() {
    const t = await testArena(memoryStore());
    await t.store.campaigns.saveCity({ id: 'city-far', name: '远方市' });
    await t.store.people.putUser(elsewhere);
    return { ...t, admin: await t.login(users.admin) };
  }

  it('signs a user of the admin’s city out everywhere, and no one else', async () => {
    const t = await arena();
    const a = await t.login(users.repA);
    const b = await t.login(users.repA);
    const other = await t.login(users.repB);
    expect(await t.expectOk('admin.user.revokeSessions', { userId: users.repA.id }, t.admin)).toEqual({
      ended: 2,
    });
    for (const token of [a, b])
      expect(errorOf(await t.call('me.get', {}, token))?.code).toBe('UNAUTHENTICATED');
    expect((await t.call('me.get', {}, other)).ok).toBe(true);
    expect((await t.call('me.get', {}, t.admin)).ok).toBe(true);
    // A user without sessions: nothing to end.
    expect(await t.expectOk('admin.user.revokeSessions', { userId: users.leader.id }, t.admin)).toEqual({
      ended: 0,
    });
  });

  it('answers a user of another city exactly like a missing one, and ends nothing', async () => {
    const t = await arena();
    const far = await t.login(elsewhere);
    const farAnswer = errorOf(await t.call('admin.user.revokeSessions', { userId: elsewhere.id }, t.admin));
    const missing = errorOf(await t.call('admin.user.revokeSessions', { userId: 'nobody' }, t.admin));
    expect(farAnswer).toEqual({ code: 'NOT_FOUND', message: '用户「far-rep」不存在：请核对用户 ID。' });
    expect(missing).toEqual({ code: 'NOT_FOUND', message: '用户「nobody」不存在：请核对用户 ID。' });
    expect((await t.call('me.get', {}, far)).ok).toBe(true);
  });

  it('is for admins only, and ends nothing when refused', async () => {
    const t = await arena();
    const victim = await t.login(users.repA);
    for (const u of [users.repB, users.leadA, users.supervisor, users.leader]) {
      const r = await t.call('admin.user.revokeSessions', { userId: users.repA.id }, await t.login(u));
      expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', message: '只有管理员可以让用户的登录失效。' });
    }
    expect((await t.call('me.get', {}, victim)).ok).toBe(true);
    expect(errorOf(await t.call('admin.user.revokeSessions', { userId: '' }, t.admin))?.code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
