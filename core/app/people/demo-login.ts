/**
 * `auth.demoUsers` and `auth.demoLogin`: demo accounts, offered only in demo mode. Anyone may sign in
 * as a demo user, so each keeps at most DEMO_SESSIONS_PER_USER live sessions: a new one ends the oldest
 * (a token cannot be handed out twice — the store keeps only its hash — so sessions are capped, not reused).
 */
import { fail, ok } from '../../contract';
import type { Ctx, Route } from '../context';
import { startSession, unitNames, userOut } from './session';

export const DEMO_SESSIONS_PER_USER = 20;

const demoOff = fail('FORBIDDEN', '演示模式未开启：请使用正式账号登录。');

export const demoUsers: Route<'auth.demoUsers'> = {
  access: 'anyone',
  run: async (ctx) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const users = await ctx.deps.store.people.listUsers({ demo: true });
    // Demo users are of one city as a rule; each city's unit names are looked up once.
    const cities = [...new Set(users.map((u) => u.cityId))];
    const names = new Map(await Promise.all(cities.map(async (c) => [c, await unitNames(ctx, c)] as const)));
    return ok({ users: users.map((u) => userOut(u, names.get(u.cityId)?.(u.unitId) ?? null)) });
  },
};

/**
 * Drops the user's expired sessions and the oldest live ones past the cap, never `keep` (the one just
 * made: with the clock fixed, ARENA_NOW, every session of a user expires at the same instant).
 */
async function capSessions(ctx: Ctx, userId: string, keep: string): Promise<void> {
  const { store, clock } = ctx.deps;
  const now = clock.now();
  const others = (await store.people.listUserSessions(userId))
    .filter((s) => s.tokenHash !== keep)
    .sort((a, b) => a.expiresAt - b.expiresAt);
  const live = others.filter((s) => s.expiresAt > now);
  const drop = [
    ...others.filter((s) => s.expiresAt <= now),
    ...live.slice(0, Math.max(0, live.length - (DEMO_SESSIONS_PER_USER - 1))),
  ];
  for (const s of drop) await store.people.deleteSession(s.tokenHash);
}

export const demoLogin: Route<'auth.demoLogin'> = {
  access: 'anyone',
  run: async (ctx, { userId }) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const user = await ctx.deps.store.people.getUser(userId);
    if (!user || user.demo !== true) return fail('NOT_FOUND', `演示账号「${userId}」不存在。`);
    const session = await startSession(ctx, user);
    await capSessions(ctx, user.id, ctx.deps.ids.hashToken(session.token));
    return ok(session);
  },
};
