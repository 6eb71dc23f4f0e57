import { memoryStore } from '../../../tests/app/memory-store';
import { testArena, users } from '../../../tests/app/arena';
import { createScryptPasswords } from '../../../adapters/node/passwords';
import { createArena } from '../router';
import { DEMO_SESSIONS_PER_USER } from './demo-login';
import { demoOffNotice } from './demo';

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);
const disabled = {
  code: 'UNAUTHENTICATED',
  message: '演示模式已关闭，演示账号不能再使用：请用正式账号登录。',
};

/** The same store and clock, restarted with demo mode off (ARENA_DEMO=0 on the demo data). */
async function demoThenOff() {
  const t = await testArena(memoryStore(), { ports: { passwords: createScryptPasswords({ N: 1024 }) } });
  const off = createArena({ ...t.deps, settings: { ...t.deps.settings, demo: false } });
  const offCall = (action: string, data: unknown, caller: { token?: string; openid?: string }) =>
    off.handle({ action, data }, { ip: '10.4.4.4', ...caller });
  return { ...t, off, offCall };
}

describe('demo users with demo mode off', () => {
  it('a demo admin’s session is refused on every action, so it cannot invite a lasting admin; the session is left as it was', async () => {
    const t = await demoThenOff();
    const { token } = await t.expectOk('auth.demoLogin', { userId: users.admin.id });
    const before = await t.store.people.listUserSessions(users.admin.id);
    for (const [action, data] of [
      ['admin.invite', { role: 'admin' }],
      ['me.get', {}],
      ['board.leaderboard', {}],
      ['me.logoutAll', {}],
      ['admin.user.revokeSessions', { userId: users.real.id }],
    ] as const) {
      expect(errorOf(await t.offCall(action, data, { token }))).toEqual(disabled);
    }
    expect(await t.store.people.listUserSessions(users.admin.id)).toEqual(before);
    // In demo mode again, the same session works: it was never the problem, demo mode was.
    expect((await t.call('me.get', {}, token)).ok).toBe(true);
  });

  it('a real user’s session keeps working', async () => {
    const t = await demoThenOff();
    const token = await t.login(users.real);
    expect(await t.off.handle({ action: 'me.get', data: {} }, { token })).toMatchObject({ ok: true });
  });

  it('an OPENID bound to a demo user is refused too, on actions and on binding again', async () => {
    const t = await demoThenOff();
    await t.store.people.putUser({ ...users.repA, openid: 'o-demo-rep' });
    const wx = { openid: 'o-demo-rep' };
    expect((await t.call('me.get', {}, wx)).ok).toBe(true);
    expect(errorOf(await t.offCall('me.get', {}, wx))).toEqual(disabled);
    expect(
      errorOf(
        await t.offCall('post.create', { unitId: 'A', text: '演示', requestId: 'request-demo-01' }, wx),
      ),
    ).toEqual(disabled);
    expect(errorOf(await t.offCall('me.bind', { inviteCode: 'ZZZZ2345', name: '演示' }, wx))).toEqual(
      disabled,
    );
  });
});

describe('demoOffNotice', () => {
  it('counts the demo users and their unexpired sessions when demo mode is off', async () => {
    const t = await testArena(memoryStore(), { settings: { sessionTtlMs: 3_600_000 } });
    await t.expectOk('auth.demoLogin', { userId: users.admin.id });
    await t.expectOk('auth.demoLogin', { userId: users.admin.id });
    await t.expectOk('auth.demoLogin', { userId: users.repA.id });
    t.advance(1_800_000);
    await t.expectOk('auth.demoLogin', { userId: users.leader.id });
    await t.login(users.real);
    t.advance(1_800_000);
    // Only the leader's session is still live; the real user's does not count.
    const off = { ...t.deps, settings: { ...t.deps.settings, demo: false } };
    const demoUsers = Object.values(users).filter((u) => u.demo).length;
    expect(await demoOffNotice(off)).toEqual({
      level: 'warn',
      msg: 'demo users disabled',
      demoUsers,
      liveDemoSessions: 1,
      detail: expect.stringContaining(`${demoUsers} 个演示账号及其 1 个未过期的登录已不可用`),
    });
  });

  it('is null in demo mode, and with demo mode off on a store without demo users', async () => {
    const t = await testArena(memoryStore());
    expect(await demoOffNotice(t.deps)).toBeNull();
    const bare = await testArena(memoryStore(), { settings: { demo: false } });
    for (const u of Object.values(users)) if (u.demo) await bare.store.people.putUser({ ...u, demo: false });
    expect(await demoOffNotice(bare.deps)).toBeNull();
  });
});

describe('demo sessions', () => {
  it(`keep at most ${DEMO_SESSIONS_PER_USER} per demo user: each sign-in past that ends the oldest`, async () => {
    const t = await testArena(memoryStore());
    const tokens: string[] = [];
    for (let i = 0; i < DEMO_SESSIONS_PER_USER + 5; i += 1) {
      tokens.push(
        (await t.expectOk('auth.demoLogin', { userId: users.repA.id }, { ip: `10.5.0.${i}` })).token,
      );
      t.advance(1_000);
    }
    expect(await t.store.people.listUserSessions(users.repA.id)).toHaveLength(DEMO_SESSIONS_PER_USER);
    for (const token of tokens.slice(0, 5))
      expect(errorOf(await t.call('me.get', {}, token))?.code).toBe('UNAUTHENTICATED');
    for (const token of tokens.slice(5)) expect((await t.call('me.get', {}, token)).ok).toBe(true);
  });

  it('never end the one just made, even when every session expires at the same instant (a fixed clock)', async () => {
    const t = await testArena(memoryStore());
    const logins = [];
    for (let i = 0; i < 200; i += 1)
      logins.push(await t.expectOk('auth.demoLogin', { userId: users.supervisor.id }, { ip: `10.5.1.${i}` }));
    expect(await t.store.people.listUserSessions(users.supervisor.id)).toHaveLength(DEMO_SESSIONS_PER_USER);
    expect((await t.call('me.get', {}, logins[199]!.token)).ok).toBe(true);
    // Other users' sessions are not touched.
    expect((await t.call('me.get', {}, await t.login(users.leader))).ok).toBe(true);
  });
});
