/**
 * Store contract cases for joining (issue 4): users found by OPENID and by account (each unique),
 * invite codes redeemed once — also by two redeemers at the same moment — and only before they expire,
 * and revoking every session of a user.
 */
import type { InviteRecord, UserRecord } from '../core/app/ports';
import type { SuiteContext } from './store-contract';
import { U, users } from './store-fixtures';

const wechat: UserRecord = { id: 'user-wx', name: '钱多多', role: 'reporter', unitId: U.b2, openid: 'oAbC-123_openid', subscribeCredits: { 'tpl-no-post': 2, '*': 1 } };
const selfHosted: UserRecord = {
  id: 'user-acct', name: '孙立', role: 'unit_leader', unitId: U.a2, account: 'sun.li', passwordHash: 'scrypt$1024$8$1$c2FsdA$aGFzaA',
};

const T0 = 1_760_000_000_000;
const HOUR = 3_600_000;

export function invite(code: string, over: Partial<InviteRecord> = {}): InviteRecord {
  return { code, role: 'reporter', unitId: U.a1, createdBy: 'user-admin', createdAt: T0, expiresAt: T0 + 72 * HOUR, usedBy: null, usedAt: null, ...over };
}

export function joinCases({ it, store }: SuiteContext): void {
  describe('users by OPENID and account', () => {
    it('users.newFields', 'a user’s OPENID, account, password hash and credits read back as put; absent ones stay absent', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().putUser(u);
      expect(await store().getUser(wechat.id)).toEqual(wechat);
      expect(await store().getUser(selfHosted.id)).toEqual(selfHosted);
      const plain = await store().getUser(users[0]!.id);
      expect(plain).toEqual(users[0]);
      expect(Object.keys(plain ?? {}).sort()).toEqual(Object.keys(users[0]!).sort());
    });

    it('users.byOpenid', 'a user is found by its OPENID; an unknown one is null; a changed OPENID finds the user only by the new one', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().putUser(u);
      expect(await store().getUserByOpenid(wechat.openid!)).toEqual(wechat);
      expect(await store().getUserByOpenid('o-unknown')).toBeNull();
      await store().putUser({ ...wechat, openid: 'o-new' });
      expect(await store().getUserByOpenid(wechat.openid!)).toBeNull();
      expect((await store().getUserByOpenid('o-new'))?.id).toBe(wechat.id);
    });

    it('users.byAccount', 'a user is found by its account; an unknown one is null', async () => {
      for (const u of [...users, wechat, selfHosted]) await store().putUser(u);
      expect(await store().getUserByAccount('sun.li')).toEqual(selfHosted);
      expect(await store().getUserByAccount('nobody')).toBeNull();
    });

    it('users.uniqueOpenid', 'a second user with an OPENID someone has is refused, and the first keeps it', async () => {
      await store().putUser(wechat);
      await expect(store().putUser({ ...users[0]!, openid: wechat.openid! })).rejects.toThrow();
      expect((await store().getUserByOpenid(wechat.openid!))?.id).toBe(wechat.id);
      expect((await store().getUser(users[0]!.id))?.openid).toBeUndefined();
    });

    it('users.uniqueAccount', 'a second user with an account someone has is refused, and the first keeps it', async () => {
      await store().putUser(selfHosted);
      await expect(store().putUser({ ...users[0]!, account: selfHosted.account! })).rejects.toThrow();
      expect((await store().getUserByAccount(selfHosted.account!))?.id).toBe(selfHosted.id);
    });
  });

  describe('invites', () => {
    it('invites.redeem', 'a code is redeemed once: marked used by the redeemer, then refused', async () => {
      await store().createInvite(invite('ABCD2345'));
      const first = await store().redeemInvite('ABCD2345', 'user-new', T0 + HOUR);
      expect(first).toEqual(invite('ABCD2345', { usedBy: 'user-new', usedAt: T0 + HOUR }));
      expect(await store().redeemInvite('ABCD2345', 'user-other', T0 + 2 * HOUR)).toBeNull();
    });

    it('invites.concurrent', 'of two redeemers at the same moment, exactly one wins', async () => {
      await store().createInvite(invite('RACE2345'));
      const results = await Promise.all(['user-x', 'user-y', 'user-z'].map((id) => store().redeemInvite('RACE2345', id, T0 + HOUR)));
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(['user-x', 'user-y', 'user-z']).toContain(winners[0]!.usedBy);
    });

    it('invites.expired', 'a code is refused from its expiry on (and stays unused); it works just before', async () => {
      const expiresAt = T0 + 72 * HOUR;
      await store().createInvite(invite('LATE2345'));
      await store().createInvite(invite('JUST2345'));
      expect(await store().redeemInvite('LATE2345', 'user-new', expiresAt)).toBeNull();
      expect(await store().redeemInvite('LATE2345', 'user-new', expiresAt + HOUR)).toBeNull();
      expect((await store().redeemInvite('JUST2345', 'user-new', expiresAt - 1))?.usedBy).toBe('user-new');
    });

    it('invites.unknown', 'an unknown code is refused, and a known one keeps working', async () => {
      await store().createInvite(invite('KNWN2345', { role: 'supervisor', unitId: null }));
      expect(await store().redeemInvite('NOPE2345', 'user-new', T0)).toBeNull();
      expect(await store().redeemInvite('knwn2345', 'user-new', T0)).toBeNull();
      expect(await store().redeemInvite('KNWN2345', 'user-new', T0)).toMatchObject({ role: 'supervisor', unitId: null, usedBy: 'user-new' });
    });
  });

  describe('revoking sessions', () => {
    it('sessions.deleteUser', 'deleting a user’s sessions ends all of them and no one else’s', async () => {
      await store().putUser(users[0]!);
      await store().putUser(users[1]!);
      const far = T0 + 1_000 * HOUR;
      await store().putSession({ token: 'tok-a1', userId: users[0]!.id, expiresAt: far });
      await store().putSession({ token: 'tok-a2', userId: users[0]!.id, expiresAt: far });
      await store().putSession({ token: 'tok-b1', userId: users[1]!.id, expiresAt: far });
      await store().deleteUserSessions(users[0]!.id);
      await store().deleteUserSessions('user-without-sessions');
      expect(await store().getSession('tok-a1')).toBeNull();
      expect(await store().getSession('tok-a2')).toBeNull();
      expect(await store().getSession('tok-b1')).toEqual({ token: 'tok-b1', userId: users[1]!.id, expiresAt: far });
    });
  });
}
