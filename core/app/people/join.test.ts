import { memoryStore } from '../../../tests/app/memory-store';
import { createScryptPasswords } from '../../../adapters/node/passwords';
import { InviteCode } from '../../contract';
import { city, testArena, users } from '../../../tests/app/arena';
import { createArena } from '../router';

const passwords = createScryptPasswords({ N: 1024 });
const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);
const badCode = { code: 'INVALID_ARGUMENT', message: expect.stringContaining('没有这个邀请码，或它已被使用、已过期') };

async function arena(options: Parameters<typeof testArena>[1] = {}) {
  const t = await testArena(memoryStore(), { ports: { passwords }, ...options });
  const admin = await t.login(users.admin);
  const invite = async (role: 'reporter' | 'unit_leader' | 'supervisor' | 'leader' | 'admin', unitId?: string, validHours?: number) =>
    (await t.expectOk('admin.invite', { role, ...(unitId ? { unitId } : {}), ...(validHours ? { validHours } : {}) }, admin)).invite.code;
  return { ...t, admin, invite };
}

describe('admin.invite', () => {
  it('gives an admin an 8-character code the contract accepts, for a role and a unit, expiring after validHours', async () => {
    const t = await arena();
    const { invite } = await t.expectOk('admin.invite', { role: 'reporter', unitId: 'A', validHours: 24 }, t.admin);
    expect(InviteCode.parse(invite.code)).toBe(invite.code);
    expect(invite).toEqual({ code: invite.code, role: 'reporter', unitId: 'A', expiresAt: '2025-10-11T02:00:00.000Z' });
    const other = await t.expectOk('admin.invite', { role: 'leader' }, t.admin);
    expect(other.invite.code).not.toBe(invite.code);
    expect(other.invite.unitId).toBeNull();
    // Default: 72 hours.
    expect(other.invite.expiresAt).toBe('2025-10-13T02:00:00.000Z');
  });

  it('is for admins only', async () => {
    const t = await arena();
    for (const u of [users.repA, users.leadA, users.supervisor, users.leader]) {
      const r = await t.call('admin.invite', { role: 'reporter', unitId: 'A' }, await t.login(u));
      expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', message: '只有管理员可以生成邀请码。' });
    }
  });

  it('needs a unit of the current campaign for reporters and unit leaders, and none for the other roles', async () => {
    const t = await arena();
    expect(errorOf(await t.call('admin.invite', { role: 'unit_leader' }, t.admin))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '单位负责人的邀请码需要指定单位（unitId）。',
    });
    expect(errorOf(await t.call('admin.invite', { role: 'reporter', unitId: 'Z' }, t.admin))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.call('admin.invite', { role: 'supervisor', unitId: 'A' }, t.admin))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '督办员不属于某个单位：请不要指定 unitId。',
    });
    expect(errorOf(await t.call('admin.invite', { role: 'reporter', unitId: 'A', validHours: 0 }, t.admin))?.code).toBe('INVALID_ARGUMENT');
  });
});

describe('auth.join (self-hosted accounts)', () => {
  const join = { name: '郑新', account: 'Zheng.Xin', password: 'long-enough-1' };

  it('makes an account with the invite’s role and unit, signs it in, and lets it sign in again', async () => {
    const t = await arena();
    const code = await t.invite('reporter', 'A');
    const out = await t.expectOk('auth.join', { ...join, inviteCode: code.toLowerCase() });
    expect(out.user).toEqual({ id: expect.any(String), name: '郑新', role: 'reporter', unitId: 'A', unitName: '甲镇' });
    expect((await t.expectOk('me.get', {}, out.token)).user.id).toBe(out.user.id);
    const stored = await t.store.people.getUserByAccount('zheng.xin');
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain(join.password);
    const again = await t.expectOk('auth.login', { account: 'zheng.xin', password: join.password });
    expect(again.user.id).toBe(out.user.id);
  });

  it('refuses a used, an expired and an unknown code alike, creating no one', async () => {
    const t = await arena();
    const used = await t.invite('reporter', 'A');
    await t.expectOk('auth.join', { ...join, inviteCode: used });
    const expired = await t.invite('reporter', 'B', 1);
    t.advance(3_600_000);
    const before = (await t.store.people.listUsers()).length;
    for (const inviteCode of [used, expired, 'ZZZZ2345']) {
      expect(errorOf(await t.call('auth.join', { ...join, account: `acct-${inviteCode}`, inviteCode }))).toEqual(badCode);
    }
    expect(await t.store.people.listUsers()).toHaveLength(before);
  });

  it('refuses an account someone has (any case) before spending the code, which then still works', async () => {
    const t = await arena();
    await t.expectOk('auth.join', { ...join, inviteCode: await t.invite('reporter', 'A') });
    const code = await t.invite('unit_leader', 'B');
    expect(errorOf(await t.call('auth.join', { ...join, account: 'ZHENG.XIN', inviteCode: code }))).toEqual({
      code: 'CONFLICT',
      message: '账号「zheng.xin」已被使用，请换一个账号。',
    });
    const out = await t.expectOk('auth.join', { ...join, account: 'zheng.xin2', inviteCode: code });
    expect(out.user).toMatchObject({ role: 'unit_leader', unitId: 'B' });
  });

  it('answers an unknown, used or expired code the same whether the account exists or not', async () => {
    const t = await arena();
    await t.expectOk('auth.join', { ...join, inviteCode: await t.invite('reporter', 'A') });
    const used = await t.invite('reporter', 'B');
    await t.expectOk('auth.join', { ...join, account: 'someone.else', inviteCode: used });
    const expired = await t.invite('leader', undefined, 1);
    t.advance(3_600_000);
    for (const inviteCode of ['ZZZZ2345', used, expired]) {
      for (const account of ['zheng.xin', 'Zheng.Xin', 'nobody.here']) {
        expect(errorOf(await t.call('auth.join', { ...join, account, inviteCode }, { ip: `10.1.1.${account.length}` }))).toEqual(badCode);
      }
    }
  });

  it('spends the address’s budget of failures on wrong codes and says how many seconds to wait', async () => {
    const t = await arena();
    const ip = { ip: '10.2.2.2' };
    for (let i = 0; i < 20; i += 1) {
      expect(errorOf(await t.call('auth.join', { ...join, inviteCode: 'ZZZZ2345' }, ip))).toEqual(badCode);
    }
    const good = await t.invite('reporter', 'A');
    expect(errorOf(await t.call('auth.join', { ...join, inviteCode: good }, ip))).toEqual({
      code: 'RATE_LIMITED',
      message: '尝试次数过多，请 10 秒后再试。',
    });
    expect((await t.call('auth.join', { ...join, inviteCode: good }, { ip: '10.2.2.3' })).ok).toBe(true);
  });

  it('makes a demo user from a code a demo user made, and refuses such a code unspent once demo mode is off', async () => {
    const t = await arena();
    const realAdmin = { id: 'admin-real', name: '钱正式', role: 'admin' as const, cityId: city.id, unitId: null };
    await t.store.people.putUser(realAdmin);
    const fromDemo = await t.invite('admin');
    const fromDemoLater = await t.invite('admin');
    const fromReal = (await t.expectOk('admin.invite', { role: 'leader' }, await t.login(realAdmin))).invite.code;

    const played = await t.expectOk('auth.join', { ...join, account: 'played.admin', inviteCode: fromDemo });
    expect((await t.store.people.getUser(played.user.id))?.demo).toBe(true);
    const kept = await t.expectOk('auth.join', { ...join, account: 'real.leader', inviteCode: fromReal });
    expect((await t.store.people.getUser(kept.user.id))?.demo).toBeUndefined();

    const off = createArena({ ...t.deps, settings: { ...t.deps.settings, demo: false } });
    const call = (action: string, data: unknown, token?: string) => off.handle({ action, data }, { token: token ?? null, ip: '10.3.3.3' });
    expect(errorOf(await call('me.get', {}, played.token))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await call('auth.login', { account: 'played.admin', password: join.password }))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await call('auth.join', { ...join, account: 'late.admin', inviteCode: fromDemoLater }))).toEqual(badCode);
    expect(await t.store.people.getInvite(fromDemoLater)).toMatchObject({ usedBy: null });
    expect((await call('me.get', {}, kept.token)).ok).toBe(true);
  });

  it('checks the input before anything: a malformed code or a short password is INVALID_ARGUMENT', async () => {
    const t = await arena();
    expect(errorOf(await t.call('auth.join', { ...join, inviteCode: 'O0I1O0I1' }))?.message).toContain('你输入了 O、0、I、1');
    expect(errorOf(await t.call('auth.join', { ...join, password: 'short', inviteCode: await t.invite('leader') }))?.message).toContain('密码至少 8 位');
  });

  it('is FORBIDDEN where the deployment has no passwords (WeChat)', async () => {
    const t = await testArena(memoryStore());
    const r = await t.call('auth.join', { ...join, inviteCode: 'ABCD2345' });
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });
});

describe('me.bind (WeChat)', () => {
  const wx = { openid: 'o-new-phone' };

  it('binds the caller’s OPENID to the invite’s unit and role; the OPENID is then that user', async () => {
    const t = await arena();
    const code = await t.invite('unit_leader', 'C');
    const { user } = await t.expectOk('me.bind', { inviteCode: code, name: '冯平' }, wx);
    expect(user).toEqual({ id: expect.any(String), name: '冯平', role: 'unit_leader', unitId: 'C', unitName: '丙平台' });
    expect((await t.expectOk('me.get', {}, wx)).user).toEqual(user);
    expect((await t.store.people.getUserByOpenid(wx.openid))?.id).toBe(user.id);
  });

  it('refuses an OPENID that is already bound, without spending the code', async () => {
    const t = await arena();
    await t.expectOk('me.bind', { inviteCode: await t.invite('reporter', 'A'), name: '冯平' }, wx);
    const code = await t.invite('reporter', 'B');
    const r = await t.call('me.bind', { inviteCode: code, name: '冯平' }, wx);
    expect(errorOf(r)).toEqual({ code: 'CONFLICT', message: '该微信已绑定「甲镇」的账号「冯平」，无需再次绑定。' });
    expect((await t.expectOk('me.bind', { inviteCode: code, name: '陈晨' }, { openid: 'o-other' })).user.unitId).toBe('B');
  });

  it('refuses a used, expired or unknown code, and stays unbound', async () => {
    const t = await arena();
    const used = await t.invite('reporter', 'A');
    await t.expectOk('me.bind', { inviteCode: used, name: '甲' }, { openid: 'o-first' });
    const expired = await t.invite('reporter', 'A', 2);
    t.setNow('2025-10-10T04:00:00Z');
    for (const inviteCode of [used, expired, 'ZZZZ2345']) {
      expect(errorOf(await t.call('me.bind', { inviteCode, name: '乙' }, wx))).toEqual(badCode);
    }
    expect(await t.store.people.getUserByOpenid(wx.openid)).toBeNull();
  });

  it('is FORBIDDEN without an OPENID (a browser has accounts instead)', async () => {
    const t = await arena();
    const r = await t.call('me.bind', { inviteCode: await t.invite('leader'), name: '冯平' }, await t.login(users.repA));
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });

  it('limits wrong codes per OPENID', async () => {
    const t = await arena();
    for (let i = 0; i < 10; i += 1) {
      expect(errorOf(await t.call('me.bind', { inviteCode: 'ZZZZ2345', name: '猜' }, wx))?.code).toBe('INVALID_ARGUMENT');
    }
    const good = await t.invite('reporter', 'A');
    expect(errorOf(await t.call('me.bind', { inviteCode: good, name: '猜' }, wx))?.code).toBe('RATE_LIMITED');
    t.advance(15 * 60_000);
    expect((await t.call('me.bind', { inviteCode: good, name: '猜' }, wx)).ok).toBe(true);
  });
});

describe('an OPENID caller', () => {
  it('when unbound, may read campaign.current and bind; everything else asks for an invite code', async () => {
    const t = await arena();
    const wx = { openid: 'o-stranger' };
    expect((await t.expectOk('campaign.current', {}, wx)).campaign.id).toBe('c1');
    for (const action of ['me.get', 'post.list', 'board.leaderboard', 'notify.list', 'me.logout'] as const) {
      expect(errorOf(await t.call(action, {}, wx))).toEqual({ code: 'UNAUTHENTICATED', message: '尚未绑定单位，请输入邀请码加入' });
    }
    // Even with a malformed body, the answer is the same: binding comes first.
    expect(errorOf(await t.call('post.create', { unitId: 42 }, wx))?.code).toBe('UNAUTHENTICATED');
  });

  it('when bound, is that user whatever token comes along, and cannot post for another unit', async () => {
    const t = await arena();
    await t.store.people.putUser({ ...users.repB, id: 'wx-b', openid: 'o-b' });
    const someoneElse = await t.login(users.admin);
    const me = await t.expectOk('me.get', {}, { openid: 'o-b', token: someoneElse });
    expect(me.user.id).toBe('wx-b');
    const r = await t.call('post.create', { unitId: 'A', text: '替甲镇发', requestId: 'request-wx-0001' }, { openid: 'o-b' });
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });

  it('without an OPENID or a token is asked to sign in, as before', async () => {
    const t = await arena();
    expect(errorOf(await t.call('campaign.current', {}, {}))).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录。' });
  });
});
