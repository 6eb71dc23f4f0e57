/** `auth.demoUsers` and `auth.demoLogin`: demo accounts, offered only in demo mode. */
import { fail, ok } from '../../contract';
import type { Route } from '../context';
import { startSession, unitNames, userOut } from './session';

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

export const demoLogin: Route<'auth.demoLogin'> = {
  access: 'anyone',
  run: async (ctx, { userId }) => {
    if (!ctx.deps.settings.demo) return demoOff;
    const user = await ctx.deps.store.people.getUser(userId);
    if (!user || user.demo !== true) return fail('NOT_FOUND', `演示账号「${userId}」不存在。`);
    return ok(await startSession(ctx, user));
  },
};
