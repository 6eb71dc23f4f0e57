/**
 * People in memory: users (with unique OPENIDs and accounts), sessions and invite codes. Every method
 * runs to its end without awaiting, so `redeemInvite` is atomic: two redeemers never both win.
 */
import { applyCredits } from '../../core/app/credits';
import type { InviteRecord, SessionRecord, SubscribeCredits, UserRecord } from '../../core/app/ports';

/** A user copied in or out, credits too, so no caller shares what is stored. */
const copy = (u: UserRecord): UserRecord =>
  u.subscribeCredits === undefined ? { ...u } : { ...u, subscribeCredits: { ...u.subscribeCredits } };

export function createPeople() {
  const users = new Map<string, UserRecord>();
  const sessions = new Map<string, SessionRecord>();
  const invites = new Map<string, InviteRecord>();

  const holder = (field: 'openid' | 'account', value: string): UserRecord | undefined =>
    [...users.values()].find((u) => u[field] === value);

  return {
    putUser(user: UserRecord): void {
      for (const field of ['openid', 'account'] as const) {
        const value = user[field];
        const other = value === undefined ? undefined : holder(field, value);
        if (other && other.id !== user.id) throw new Error(`${field} 已被用户 ${other.id} 使用`);
      }
      users.set(user.id, copy(user));
    },
    getUser(userId: string): UserRecord | null {
      const u = users.get(userId);
      return u ? copy(u) : null;
    },
    findUser(field: 'openid' | 'account', value: string): UserRecord | null {
      const u = holder(field, value);
      return u ? copy(u) : null;
    },
    listUsers(filter?: { demo?: boolean }): UserRecord[] {
      const all = [...users.values()];
      const wanted = filter?.demo === undefined ? all : all.filter((u) => (u.demo === true) === filter.demo);
      return wanted.map(copy);
    },
    addCredits(userId: string, deltas: SubscribeCredits): SubscribeCredits {
      const u = users.get(userId);
      if (!u) return {};
      const next = applyCredits(u.subscribeCredits, deltas);
      if (Object.keys(next).length > 0) u.subscribeCredits = next;
      else delete u.subscribeCredits;
      return { ...next };
    },

    putSession(session: SessionRecord): void {
      sessions.set(session.token, { ...session });
    },
    getSession(token: string): SessionRecord | null {
      const s = sessions.get(token);
      return s ? { ...s } : null;
    },
    deleteSession(token: string): void {
      sessions.delete(token);
    },
    deleteUserSessions(userId: string): void {
      for (const [token, s] of sessions) if (s.userId === userId) sessions.delete(token);
    },

    createInvite(invite: InviteRecord): void {
      if (invites.has(invite.code)) throw new Error(`邀请码 ${invite.code} 已存在`);
      invites.set(invite.code, { ...invite });
    },
    redeemInvite(code: string, userId: string, at: number): InviteRecord | null {
      const invite = invites.get(code);
      if (!invite || invite.usedBy !== null || !(at < invite.expiresAt)) return null;
      invite.usedBy = userId;
      invite.usedAt = at;
      return { ...invite };
    },
  };
}
