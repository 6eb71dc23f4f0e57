/** `me.get` and `me.logout`: the signed-in user as the API shows them, and the end of their session. */
import { ok } from '../../contract';
import type { Route } from '../context';
import { describeUser } from './session';

export const meGet: Route<'me.get'> = {
  access: 'user',
  run: async (ctx) => ok({ user: await describeUser(ctx, ctx.user) }),
};

/** Ends the caller's session; on WeChat (no session, the OPENID is the identity) there is nothing to end. */
export const meLogout: Route<'me.logout'> = {
  access: 'user',
  run: async (ctx) => {
    if (!ctx.caller.openid && ctx.caller.token) await ctx.deps.store.people.deleteSession(ctx.caller.token);
    return ok({});
  },
};
