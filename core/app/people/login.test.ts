import { memoryStore } from '../../../tests/app/memory-store';
import { createScryptPasswords } from '../../../adapters/node/passwords';
import type { Passwords } from '../ports';
import { testArena, users } from '../../../tests/app/arena';

const passwords = createScryptPasswords({ N: 1024 });
const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);
const wrong = { code: 'UNAUTHENTICATED', message: '账号或密码错误' };
const PASSWORD = 'right-password-1';

async function arena(ports: { passwords?: Passwords } = { passwords }) {
  const t = await testArena(memoryStore(), { ports, settings: { demo: false, sessionTtlMs: 3_600_000 } });
  await t.store.people.putUser({ ...users.real, account: 'wu.zheng', passwordHash: await passwords.hash(PASSWORD) });
  const login = (account: string, password: string, ip?: string) =>
    t.call('auth.login', { account, password }, ip ? { ip } : {});
  return { ...t, signIn: login };
}

describe('auth.login', () => {
  it('signs a user in with account and password (any case of the account), for sessionTtlMs', async () => {
    const t = await arena();
    const r = await t.signIn('Wu.Zheng', PASSWORD);
    if (!r.ok) throw new Error(r.error.message);
    const { token, user } = r.data as { token: string; user: { id: string; unitName: string | null } };
    expect(user).toMatchObject({ id: 'real', unitName: '甲镇' });
    expect((await t.expectOk('me.get', {}, token)).user.id).toBe('real');
    t.advance(3_600_000);
    expect(errorOf(await t.call('me.get', {}, token))?.message).toBe('登录已过期，请重新登录。');
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    const t = await arena();
    expect(errorOf(await t.signIn('wu.zheng', 'wrong-password-1'))).toEqual(wrong);
    expect(errorOf(await t.signIn('no.such.user', PASSWORD))).toEqual(wrong);
    // A user without a password (a WeChat or demo user) cannot sign in with one either.
    expect(errorOf(await t.signIn('rep-a', PASSWORD))).toEqual(wrong);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password, then lets it in', async () => {
    const t = await arena();
    for (let i = 0; i < 5; i += 1) expect(errorOf(await t.signIn('wu.zheng', `guess-${i}-password`))).toEqual(wrong);
    const locked = errorOf(await t.signIn('wu.zheng', PASSWORD));
    expect(locked).toEqual({ code: 'RATE_LIMITED', message: '尝试次数过多，请 15 分钟后再试。' });
    // Other accounts are not affected.
    await t.store.people.putUser({ ...users.repB, account: 'li.na', passwordHash: await passwords.hash(PASSWORD) });
    expect((await t.signIn('li.na', PASSWORD)).ok).toBe(true);
    t.advance(15 * 60_000);
    expect((await t.signIn('wu.zheng', PASSWORD)).ok).toBe(true);
  });

  it('forgets earlier failures once the right password gets through', async () => {
    const t = await arena();
    for (let i = 0; i < 4; i += 1) await t.signIn('wu.zheng', `guess-${i}-password`);
    expect((await t.signIn('wu.zheng', PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(errorOf(await t.signIn('wu.zheng', `guess-${i}-password`))).toEqual(wrong);
    expect((await t.signIn('wu.zheng', PASSWORD)).ok).toBe(true);
  });

  it('limits failures from one address across many accounts, and not successes from it', async () => {
    const t = await arena();
    for (let i = 0; i < 30; i += 1) expect(errorOf(await t.signIn(`user-${i}`, 'spray-password', '10.0.0.9'))).toEqual(wrong);
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD, '10.0.0.9'))?.code).toBe('RATE_LIMITED');
    expect((await t.signIn('wu.zheng', PASSWORD, '10.0.0.10')).ok).toBe(true);

    const office = await arena();
    for (let i = 0; i < 40; i += 1) expect((await office.signIn('wu.zheng', PASSWORD, '10.0.0.1')).ok).toBe(true);
  });

  it('counts parallel guesses, so a burst cannot slip past the limit', async () => {
    const t = await arena();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => t.signIn('wu.zheng', `burst-${i}-password`)));
    expect(burst.filter((r) => errorOf(r)?.code === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('is FORBIDDEN where the deployment has no passwords', async () => {
    const t = await arena({});
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD))).toEqual({
      code: 'FORBIDDEN',
      message: expect.stringContaining('此部署不支持账号登录'),
    });
  });
});

describe('sessions end', () => {
  it('me.logout ends the caller’s session and no other', async () => {
    const t = await arena();
    const first = await t.expectOk('auth.login', { account: 'wu.zheng', password: PASSWORD });
    const second = await t.expectOk('auth.login', { account: 'wu.zheng', password: PASSWORD });
    expect(await t.expectOk('me.logout', {}, first.token)).toEqual({});
    expect(errorOf(await t.call('me.get', {}, first.token))).toEqual({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' });
    expect((await t.call('me.get', {}, second.token)).ok).toBe(true);
  });

  it('deleteUserSessions signs a user out everywhere', async () => {
    const t = await arena();
    const a = await t.expectOk('auth.login', { account: 'wu.zheng', password: PASSWORD });
    const b = await t.expectOk('auth.login', { account: 'wu.zheng', password: PASSWORD });
    await t.store.people.deleteUserSessions('real');
    for (const token of [a.token, b.token]) expect(errorOf(await t.call('me.get', {}, token))?.code).toBe('UNAUTHENTICATED');
  });
});
