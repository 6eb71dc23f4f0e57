/**
 * `me.get`, `me.logout` and `me.logoutAll`: the signed-in user as the API shows them, and the end of
 * their session, or of all of them (a lost phone, a shared computer left signed in).
 */
import { ok } from '../../contract';
import type { Route } from '../context';
import { describeUser, endUserSessions } from './session';

export const meGet: Route<'me.get'> = {
  access: 'user',
  run: async (ctx) => ok({ user: await describeUser(ctx, ctx.user) }),
};

/** Ends the caller's session; on WeChat (no session, the OPENID is the identity) there is nothing to end. */
export const meLogout: Route<'me.logout'> = {
  access: 'user',
  run: async (ctx) => {
    const { token, openid } = ctx.caller;
    if (!openid && token) await ctx.deps.store.people.deleteSession(ctx.deps.ids.hashToken(token));
    return ok({});
  },
};

/** Ends every session of the caller, this one included; on WeChat the OPENID still identifies them. */
export const meLogoutAll: Route<'me.logoutAll'> = {
  access: 'user',
  run: async (ctx) => ok({ ended: await endUserSessions(ctx, ctx.user.id) }),
};
