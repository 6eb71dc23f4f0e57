/**
 * Who the caller is: a WeChat OPENID (bound to a user or not yet) or a session token — never a field of
 * the request; sessions (started, expired, revoked); the demo login; `me.get` and `me.logout`.
 * Demo accounts are offered only in demo mode.
 */
import { fail, ok, type Result, type User } from '../contract';
import { currentCampaign } from './current';
import type { Caller, Ctx, Route } from './context';
import type { Deps, UserRecord } from './ports';

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
    const user = await deps.store.getUserByOpenid(caller.openid);
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
  const session = await deps.store.getSession(token);
  if (!session) return fail('UNAUTHENTICATED', '登录已失效，请重新登录。');
  if (session.expiresAt <= deps.clock.now()) {
    await deps.store.deleteSession(token);
    return fail('UNAUTHENTICATED', '登录已过期，请重新登录。');
  }
  const user = await deps.store.getUser(session.userId);
  if (!user) return fail('UNAUTHENTICATED', '账号不存在或已停用，请重新登录。');
  return ok(user);
}

/** A new session for `user`, lasting `sessionTtlMs`; answers as every sign-in does. */
export async function startSession(ctx: Ctx, user: UserRecord): Promise<{ token: string; user: User }> {
  const { store, ids, clock, settings } = ctx.deps;
  const token = ids.newToken();
  await store.putSession({ token, userId: user.id, expiresAt: clock.now() + settings.sessionTtlMs });
  return { token, user: await describeUser(ctx, user) };
}

/** Unit names come from the current campaign; a user outside it shows no unit name. */
async function unitNames(ctx: Ctx): Promise<(unitId: string | null) => string | null> {
  const cur = await currentCampaign(ctx.deps.store, ctx.state.campaigns);
  const units = cur.ok ? cur.data.unitById : new Map<string, { name: string }>();
  return (unitId) => (unitId === null ? null : (units.get(unitId)?.name ?? null));
}

export const userOut = (u: UserRecord, unitName: string | null): User => ({
  id: u.id,
  name: u.name,
  role: u.role,
  unitId: u.unitId,
  unitName,
});

const demoOff = fail('FORBIDDEN', '演示模式未开启：请使用正式账号登录。');

/** A user as the API shows it, with the unit's name in the current campaign. */
export async function describeUser(ctx: Ctx, user: UserRecord): Promise<User> {
  const nameOf = await unitNames(ctx);
  return userOut(user, nameOf(user.unitId));
}

export const demoUsers: Route<'auth.demoUsers'> = {
  access: 'anyone',
  run: async (ctx) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const [users, nameOf] = await Promise.all([ctx.deps.store.listUsers({ demo: true }), unitNames(ctx)]);
    return ok({ users: users.map((u) => userOut(u, nameOf(u.unitId))) });
  },
};

export const demoLogin: Route<'auth.demoLogin'> = {
  access: 'anyone',
  run: async (ctx, { userId }) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const user = await ctx.deps.store.getUser(userId);
    if (!user || user.demo !== true) return fail('NOT_FOUND', `演示账号「${userId}」不存在。`);
    return ok(await startSession(ctx, user));
  },
};

export const meGet: Route<'me.get'> = {
  access: 'user',
  run: async (ctx) => ok({ user: await describeUser(ctx, ctx.user) }),
};

/** Ends the caller's session; on WeChat (no session, the OPENID is the identity) there is nothing to end. */
export const meLogout: Route<'me.logout'> = {
  access: 'user',
  run: async (ctx) => {
    if (!ctx.caller.openid && ctx.caller.token) await ctx.deps.store.deleteSession(ctx.caller.token);
    return ok({});
  },
};
