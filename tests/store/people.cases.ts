/**
 * Store contract cases for the people slice: users with the demo filter, and sessions; users found by
 * OPENID and by account (each unique, issue 4); invite codes redeemed once — also by two redeemers at the
 * same moment — and only before they expire, and read back as stored; a user's sessions, listed and
 * revoked. A session is kept under its token's hash (core hashes; a store just keys by what it is given).
 */
import type { InviteRecord, UserRecord } from '../../core/app/people/store';
import type { SuiteContext } from './suite';
import { CITY, CITY2, U, users } from './fixtures';

const byId = (a: UserRecord, b: UserRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const wechat: UserRecord = { id: 'user-wx', name: '钱多多', role: 'reporter', cityId: CITY, unitId: U.b2, openid: 'oAbC-123_openid', subscribeCredits: { 'tpl-no-post': 2, '*': 1 } };
const selfHosted: UserRecord = {
  id: 'user-acct', name: '孙立', role: 'unit_leader', cityId: CITY, unitId: U.a2, account: 'sun.li', passwordHash: 'scrypt$1024$8$1$c2FsdA$aGFzaA',
};

const T0 = 1_760_000_000_000;
const HOUR = 3_600_000;

export function invite(code: string, over: Partial<InviteRecord> = {}): InviteRecord {
  return { code, cityId: CITY, role: 'reporter', unitId: U.a1, createdBy: 'user-admin', createdAt: T0, expiresAt: T0 + 72 * HOUR, usedBy: null, usedAt: null, ...over };
}

export const peopleCaseIds = [
  'users.roundTrip',
  'users.replace',
  'users.demoFilter',
  'users.byCity',
  'invites.city',
  'sessions.roundTrip',
  'sessions.delete',
  'users.newFields',
  'users.byOpenid',
  'users.byAccount',
  'users.uniqueOpenid',
  'users.uniqueAccount',
  'invites.redeem',
  'invites.concurrent',
  'invites.expired',
  'invites.unknown',
  'sessions.deleteUser',
  'sessions.listUser',
  'invites.get',
] as const;

export function peopleCases({ it, store }: SuiteContext): void {
  describe('people', () => {
    it('users.roundTrip', 'a user reads back as put; an unknown user is null', async () => {
      for (const u of users) await store().people.putUser(u);
      for (const u of users) expect(await store().people.getUser(u.id)).toEqual(u);
      expect(await store().people.getUser('user-missing')).toBeNull();
    });

    it('users.replace', 'putting a user again replaces the record', async () => {
      await store().people.putUser(users[0]!);
      const moved: UserRecord = { ...users[0]!, name: '王芳芳', role: 'unit_leader', unitId: U.a2 };
      await store().people.putUser(moved);
      expect(await store().people.getUser(moved.id)).toEqual(moved);
      expect(await store().people.listUsers()).toHaveLength(1);
    });

    it('users.demoFilter', 'listUsers gives everyone, only the demo accounts, or only the real ones', async () => {
      for (const u of users) await store().people.putUser(u);
      expect((await store().people.listUsers()).sort(byId)).toEqual([...users].sort(byId));
      const demo = (await store().people.listUsers({ demo: true })).sort(byId);
      expect(demo).toEqual(users.filter((u) => u.demo).sort(byId));
      const real = await store().people.listUsers({ demo: false });
      expect(real.map((u) => u.id)).toEqual(['user-real']);
    });

    it('users.byCity', 'listUsers of a city gives that city’s users only, with or without the demo filter', async () => {
      const elsewhere: UserRecord[] = [
        { id: 'user-wy1', name: '周宁', role: 'reporter', cityId: CITY2, unitId: U.a1, demo: true },
        { id: 'user-wy2', name: '吴迪', role: 'admin', cityId: CITY2, unitId: null },
      ];
      for (const u of [...users, ...elsewhere]) await store().people.putUser(u);
      expect((await store().people.listUsers({ cityId: CITY })).sort(byId)).toEqual([...users].sort(byId));
      expect((await store().people.listUsers({ cityId: CITY2 })).sort(byId)).toEqual(elsewhere);
      expect((await store().people.listUsers({ cityId: CITY2, demo: true })).map((u) => u.id)).toEqual(['user-wy1']);
      expect((await store().people.listUsers({ cityId: CITY, demo: false })).map((u) => u.id)).toEqual(['user-real']);
      expect(await store().people.listUsers({ cityId: 'city-none' })).toEqual([]);
      expect(await store().people.listUsers()).toHaveLength(users.length + elsewhere.length);
    });

    it('sessions.roundTrip', 'a session reads back by its token’s hash; an unknown hash is null', async () => {
      await store().people.putUser(users[0]!);
      const session = { tokenHash: 'hash-0123456789abcdef', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      await store().people.putSession(session);
      expect(await store().people.getSession(session.tokenHash)).toEqual(session);
      expect(await store().people.getSession('hash-missing')).toBeNull();
    });

    it('sessions.delete', 'a deleted session is gone and the others stay; deleting twice is harmless', async () => {
      await store().people.putUser(users[0]!);
      const a = { tokenHash: 'hash-a', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      const b = { tokenHash: 'hash-b', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      await store().people.putSession(a);
      await store().people.putSession(b);
      await store().people.deleteSession(a.tokenHash);
      await store().people.deleteSession(a.tokenHash);
      expect(await store().people.getSession(a.tokenHash)).toBeNull();
      expect(await store().people.getSession(b.tokenHash)).toEqual(b);
    });
  });
  describe('users by OPENID and account', () => {
    it('users.newFields', 'a user’s OPENID, account, password hash and credits read back as put; absent ones stay absent', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().people.putUser(u);
      expect(await store().people.getUser(wechat.id)).toEqual(wechat);
      expect(await store().people.getUser(selfHosted.id)).toEqual(selfHosted);
      const plain = await store().people.getUser(users[0]!.id);
      expect(plain).toEqual(users[0]);
      expect(Object.keys(plain ?? {}).sort()).toEqual(Object.keys(users[0]!).sort());
    });

    it('users.byOpenid', 'a user is found by its OPENID; an unknown one is null; a changed OPENID finds the user only by the new one', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().people.putUser(u);
      expect(await store().people.getUserByOpenid(wechat.openid!)).toEqual(wechat);
      expect(await store().people.getUserByOpenid('o-unknown')).toBeNull();
      await store().people.putUser({ ...wechat, openid: 'o-new' });
      expect(await store().people.getUserByOpenid(wechat.openid!)).toBeNull();
      expect((await store().people.getUserByOpenid('o-new'))?.id).toBe(wechat.id);
    });

    it('users.byAccount', 'a user is found by its account; an unknown one is null', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().people.putUser(u);
      expect(await store().people.getUserByAccount('sun.li')).toEqual(selfHosted);
      expect(await store().people.getUserByAccount('nobody')).toBeNull();
    });

    it('users.uniqueOpenid', 'a second user with an OPENID someone has is refused, and the first keeps it', async () => {
      await store().people.putUser(wechat);
      await expect(store().people.putUser({ ...users[0]!, openid: wechat.openid! })).rejects.toThrow();
      expect((await store().people.getUserByOpenid(wechat.openid!))?.id).toBe(wechat.id);
      expect((await store().people.getUser(users[0]!.id))?.openid).toBeUndefined();
    });

    it('users.uniqueAccount', 'a second user with an account someone has is refused, and the first keeps it', async () => {
      await store().people.putUser(selfHosted);
      await expect(store().people.putUser({ ...users[0]!, account: selfHosted.account! })).rejects.toThrow();
      expect((await store().people.getUserByAccount(selfHosted.account!))?.id).toBe(selfHosted.id);
    });
  });

  describe('invites', () => {
    it('invites.redeem', 'a code is redeemed once: marked used by the redeemer, then refused', async () => {
      await store().people.createInvite(invite('ABCD2345'));
      const first = await store().people.redeemInvite('ABCD2345', 'user-new', T0 + HOUR);
      expect(first).toEqual(invite('ABCD2345', { usedBy: 'user-new', usedAt: T0 + HOUR }));
      expect(await store().people.redeemInvite('ABCD2345', 'user-other', T0 + 2 * HOUR)).toBeNull();
    });

    it('invites.city', 'an invite keeps the city whose user it makes', async () => {
      await store().people.createInvite(invite('CITY2345', { cityId: CITY2 }));
      expect(await store().people.redeemInvite('CITY2345', 'user-new', T0 + HOUR)).toEqual(
        invite('CITY2345', { cityId: CITY2, usedBy: 'user-new', usedAt: T0 + HOUR }),
      );
    });

    it('invites.concurrent', 'of two redeemers at the same moment, exactly one wins', async () => {
      await store().people.createInvite(invite('RACE2345'));
      const results = await Promise.all(['user-x', 'user-y', 'user-z'].map((id) => store().people.redeemInvite('RACE2345', id, T0 + HOUR)));
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(['user-x', 'user-y', 'user-z']).toContain(winners[0]!.usedBy);
    });

    it('invites.expired', 'a code is refused from its expiry on (and stays unused); it works just before', async () => {
      const expiresAt = T0 + 72 * HOUR;
      await store().people.createInvite(invite('LATE2345'));
      await store().people.createInvite(invite('JUST2345'));
      expect(await store().people.redeemInvite('LATE2345', 'user-new', expiresAt)).toBeNull();
      expect(await store().people.redeemInvite('LATE2345', 'user-new', expiresAt + HOUR)).toBeNull();
      expect((await store().people.redeemInvite('JUST2345', 'user-new', expiresAt - 1))?.usedBy).toBe('user-new');
    });

    it('invites.get', 'a code reads back as stored, and as used once redeemed; an unknown one is null; reading spends nothing', async () => {
      await store().people.createInvite(invite('READ2345', { cityId: CITY2, role: 'admin', unitId: null }));
      expect(await store().people.getInvite('READ2345')).toEqual(invite('READ2345', { cityId: CITY2, role: 'admin', unitId: null }));
      expect(await store().people.getInvite('NOPE2345')).toBeNull();
      await store().people.redeemInvite('READ2345', 'user-new', T0 + HOUR);
      expect(await store().people.getInvite('READ2345')).toMatchObject({ usedBy: 'user-new', usedAt: T0 + HOUR });
    });

    it('invites.unknown', 'an unknown code is refused, and a known one keeps working', async () => {
      await store().people.createInvite(invite('KNWN2345', { role: 'supervisor', unitId: null }));
      expect(await store().people.redeemInvite('NOPE2345', 'user-new', T0)).toBeNull();
      expect(await store().people.redeemInvite('knwn2345', 'user-new', T0)).toBeNull();
      expect(await store().people.redeemInvite('KNWN2345', 'user-new', T0)).toMatchObject({ role: 'supervisor', unitId: null, usedBy: 'user-new' });
    });
  });

  describe('revoking sessions', () => {
    it('sessions.deleteUser', 'deleting a user’s sessions ends all of them and no one else’s', async () => {
      await store().people.putUser(users[0]!);
      await store().people.putUser(users[1]!);
      const far = T0 + 1_000 * HOUR;
      await store().people.putSession({ tokenHash: 'hash-a1', userId: users[0]!.id, expiresAt: far });
      await store().people.putSession({ tokenHash: 'hash-a2', userId: users[0]!.id, expiresAt: far });
      await store().people.putSession({ tokenHash: 'hash-b1', userId: users[1]!.id, expiresAt: far });
      await store().people.deleteUserSessions(users[0]!.id);
      await store().people.deleteUserSessions('user-without-sessions');
      expect(await store().people.getSession('hash-a1')).toBeNull();
      expect(await store().people.getSession('hash-a2')).toBeNull();
      expect(await store().people.getSession('hash-b1')).toEqual({ tokenHash: 'hash-b1', userId: users[1]!.id, expiresAt: far });
      expect(await store().people.listUserSessions(users[0]!.id)).toEqual([]);
    });

    it('sessions.listUser', 'a user’s sessions are listed, expired ones too, and no one else’s', async () => {
      await store().people.putUser(users[0]!);
      await store().people.putUser(users[1]!);
      const mine = [
        { tokenHash: 'hash-late', userId: users[0]!.id, expiresAt: T0 + 2 * HOUR },
        { tokenHash: 'hash-gone', userId: users[0]!.id, expiresAt: T0 - HOUR },
        { tokenHash: 'hash-soon', userId: users[0]!.id, expiresAt: T0 + HOUR },
      ];
      for (const s of mine) await store().people.putSession(s);
      await store().people.putSession({ tokenHash: 'hash-theirs', userId: users[1]!.id, expiresAt: T0 + HOUR });
      const byExpiry = (a: { expiresAt: number }, b: { expiresAt: number }) => a.expiresAt - b.expiresAt;
      expect((await store().people.listUserSessions(users[0]!.id)).sort(byExpiry)).toEqual([...mine].sort(byExpiry));
      expect(await store().people.listUserSessions('user-without-sessions')).toEqual([]);
      await store().people.deleteSession('hash-soon');
      expect((await store().people.listUserSessions(users[0]!.id)).map((s) => s.tokenHash).sort()).toEqual(['hash-gone', 'hash-late']);
    });
  });}
