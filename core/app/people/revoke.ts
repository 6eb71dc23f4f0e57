/**
 * `admin.user.revokeSessions`: an admin signs a user of their own city out everywhere (a lost phone, a
 * person who left). A user of another city is answered exactly like one that does not exist.
 */
import { fail, ok } from '../../contract';
import type { Route } from '../context';
import { endUserSessions } from './session';

export const adminUserRevokeSessions: Route<'admin.user.revokeSessions'> = {
  access: 'user',
  run: async (ctx, { userId }) => {
    if (ctx.user.role !== 'admin') return fail('FORBIDDEN', '只有管理员可以让用户的登录失效。');
    const target = await ctx.deps.store.people.getUser(userId);
    if (!target || target.cityId !== ctx.user.cityId) {
      return fail('NOT_FOUND', `用户「${userId}」不存在：请核对用户 ID。`);
    }
    return ok({ ended: await endUserSessions(ctx, target.id) });
  },
};
