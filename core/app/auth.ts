/**
 * Who the caller is: sessions from tokens (the only source of identity), the demo login, `me.get`.
 * Demo accounts are offered only in demo mode.
 */
import { fail, ok, type Result, type User } from '../contract';
import { currentCampaign } from './current';
import type { Ctx, Route } from './context';
import type { Deps, UserRecord } from './ports';

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

export const demoUsers: Route<'auth.demoUsers'> = {
  public: true,
  run: async (ctx) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const [users, nameOf] = await Promise.all([ctx.deps.store.listUsers({ demo: true }), unitNames(ctx)]);
    return ok({ users: users.map((u) => userOut(u, nameOf(u.unitId))) });
  },
};

export const demoLogin: Route<'auth.demoLogin'> = {
  public: true,
  run: async (ctx, { userId }) => {
    const { store, ids, clock, settings } = ctx.deps;
    if (!settings.demo) return demoOff;
    const user = await store.getUser(userId);
    if (!user || user.demo !== true) return fail('NOT_FOUND', `演示账号「${userId}」不存在。`);
    const token = ids.newToken();
    await store.putSession({ token, userId: user.id, expiresAt: clock.now() + settings.sessionTtlMs });
    const nameOf = await unitNames(ctx);
    return ok({ token, user: userOut(user, nameOf(user.unitId)) });
  },
};

export const meGet: Route<'me.get'> = {
  public: false,
  run: async (ctx) => {
    const nameOf = await unitNames(ctx);
    return ok({ user: userOut(ctx.user, nameOf(ctx.user.unitId)) });
  },
};
