/**
 * Who the caller is: a WeChat OPENID (bound to a user or not yet) or a session token — never a field of
 * the request. A token is looked up by its hash (Ids.hashToken): the store never sees it. Sessions
 * expire, and are revoked with their user; a demo user is no one while demo mode is off (./demo.ts).
 */
import { fail, ok, type Result } from '../../contract';
import type { Caller } from '../context';
import type { Deps } from '../ports';
import { demoDisabled, demoUsable } from './demo';
import type { UserRecord } from './store';

export interface Identity {
  /** null: an OPENID that no user has bound yet. */
  user: UserRecord | null;
  /** What the per-caller rate limit counts against. */
  key: string;
}

/** What an unbound OPENID is told by every action it may not call. */
export const unbound = fail('UNAUTHENTICATED', '尚未绑定单位，请输入邀请码加入');

export async function identify(deps: Deps, caller: Caller): Promise<Result<Identity>> {
  if (caller.openid) {
    const user = await deps.store.people.getUserByOpenid(caller.openid);
    if (user && !demoUsable(deps.settings, user)) return demoDisabled;
    return ok({ user, key: user ? user.id : `openid:${caller.openid}` });
  }
  const user = await authenticate(deps, caller.token);
  return user.ok ? ok({ user: user.data, key: user.data.id }) : user;
}

export async function authenticate(
  deps: Deps,
  token: string | null | undefined,
): Promise<Result<UserRecord>> {
  if (!token) return fail('UNAUTHENTICATED', '请先登录。');
  const { people } = deps.store;
  const tokenHash = deps.ids.hashToken(token);
  const session = await people.getSession(tokenHash);
  if (!session) return fail('UNAUTHENTICATED', '登录已失效，请重新登录。');
  if (session.expiresAt <= deps.clock.now()) {
    await people.deleteSession(tokenHash);
    return fail('UNAUTHENTICATED', '登录已过期，请重新登录。');
  }
  const user = await people.getUser(session.userId);
  if (!user) return fail('UNAUTHENTICATED', '账号不存在或已停用，请重新登录。');
  // The session stays (nothing changes on a refused call); it works again if demo mode comes back.
  if (!demoUsable(deps.settings, user)) return demoDisabled;
  return ok(user);
}
