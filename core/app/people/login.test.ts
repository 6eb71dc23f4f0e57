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

  it('slows the address that fails on an account with a growing delay, told in seconds, not a lock', async () => {
    const t = await arena();
    const attacker = '10.6.6.6';
    for (let i = 0; i < 5; i += 1) expect(errorOf(await t.signIn('wu.zheng', `guess-${i}-password`, attacker))).toEqual(wrong);
    // From the sixth on, each try waits: 1 s, then 2 s, 4 s … after the last failure.
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD, attacker))).toEqual({
      code: 'RATE_LIMITED',
      message: '尝试次数过多，请 1 秒后再试。',
    });
    t.advance(1_000);
    expect(errorOf(await t.signIn('wu.zheng', 'guess-5-password', attacker))).toEqual(wrong);
    expect(errorOf(await t.signIn('wu.zheng', 'guess-6-password', attacker))?.message).toBe('尝试次数过多，请 2 秒后再试。');
    t.advance(1_500);
    expect(errorOf(await t.signIn('wu.zheng', 'guess-6-password', attacker))?.message).toBe('尝试次数过多，请 1 秒后再试。');
    t.advance(500);
    expect(errorOf(await t.signIn('wu.zheng', 'guess-6-password', attacker))).toEqual(wrong);
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD, attacker))?.message).toBe('尝试次数过多，请 4 秒后再试。');
    // The owner, elsewhere, is not held back at all; nor is another account from the attacker's address.
    expect((await t.signIn('wu.zheng', PASSWORD, '10.0.0.1')).ok).toBe(true);
    await t.store.people.putUser({ ...users.repB, demo: false, account: 'li.na', passwordHash: await passwords.hash(PASSWORD) });
    expect((await t.signIn('li.na', PASSWORD, attacker)).ok).toBe(true);
    // After the wait, the right password gets in from the attacker's address too.
    t.advance(4_000);
    expect((await t.signIn('wu.zheng', PASSWORD, attacker)).ok).toBe(true);
  });

  it('never keeps the owner out, however long an attack from other addresses goes on', async () => {
    const t = await arena();
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 15; i += 1) await t.signIn('wu.zheng', `guess-${round}-${i}`, `10.7.${round}.${i}`);
      expect((await t.signIn('wu.zheng', PASSWORD, '10.0.0.1')).ok).toBe(true);
      t.advance(60_000);
    }
  });

  it('stops the delay growing at 5 minutes, and forgets a streak left alone for an hour', async () => {
    const t = await arena();
    const ip = '10.6.6.7';
    let lastWait = '';
    for (let i = 0; i < 20; i += 1) {
      const r = errorOf(await t.signIn('wu.zheng', `guess-${i}-password`, ip));
      if (r?.code === 'RATE_LIMITED') lastWait = r.message;
      t.advance(300_000);
    }
    expect(errorOf(await t.signIn('wu.zheng', 'guess-x-password', ip))).toEqual(wrong);
    expect(errorOf(await t.signIn('wu.zheng', 'guess-y-password', ip))?.message).toBe('尝试次数过多，请 300 秒（约 5 分钟）后再试。');
    expect(lastWait).toBe('');
    t.advance(3_600_000);
    for (let i = 0; i < 5; i += 1) expect(errorOf(await t.signIn('wu.zheng', `again-${i}-password`, ip))).toEqual(wrong);
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD, ip))?.message).toBe('尝试次数过多，请 1 秒后再试。');
  });

  it('forgets earlier failures once the right password gets through', async () => {
    const t = await arena();
    for (let i = 0; i < 4; i += 1) await t.signIn('wu.zheng', `guess-${i}-password`);
    expect((await t.signIn('wu.zheng', PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(errorOf(await t.signIn('wu.zheng', `guess-${i}-password`))).toEqual(wrong);
    expect((await t.signIn('wu.zheng', PASSWORD)).ok).toBe(true);
  });

  it('gives one address a budget of 20 failures across accounts that comes back one per 10 s, and never counts successes', async () => {
    const t = await arena();
    const proxy = '10.0.0.9';
    for (let i = 0; i < 20; i += 1) expect(errorOf(await t.signIn(`user-${i}`, 'spray-password', proxy))).toEqual(wrong);
    // Everyone behind that address waits seconds, not a quarter of an hour.
    expect(errorOf(await t.signIn('wu.zheng', PASSWORD, proxy))).toEqual({
      code: 'RATE_LIMITED',
      message: '尝试次数过多，请 10 秒后再试。',
    });
    expect((await t.signIn('wu.zheng', PASSWORD, '10.0.0.10')).ok).toBe(true);
    t.advance(4_000);
    expect(errorOf(await t.signIn('user-x', 'spray-password', proxy))?.message).toBe('尝试次数过多，请 6 秒后再试。');
    t.advance(6_000);
    expect((await t.signIn('wu.zheng', PASSWORD, proxy)).ok).toBe(true);
    expect(errorOf(await t.signIn('user-y', 'spray-password', proxy))).toEqual(wrong);
    expect(errorOf(await t.signIn('user-z', 'spray-password', proxy))?.code).toBe('RATE_LIMITED');

    const office = await arena();
    for (let i = 0; i < 60; i += 1) expect((await office.signIn('wu.zheng', PASSWORD, '10.0.0.1')).ok).toBe(true);
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
