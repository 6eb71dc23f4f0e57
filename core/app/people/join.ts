/**
 * Joining with an invite code (DOMAIN.md "Who uses it"; issue 4 "Joining"): `auth.join` makes a
 * self-hosted account, `me.bind` binds the caller's WeChat OPENID. Either way the code is redeemed
 * atomically by the store (single use, before it expires), and the new user takes its city, role and unit.
 * The code is checked first: an unknown, used or expired one gets the same answer whatever else is sent,
 * so nobody learns from it which accounts exist. Everything else that can be refused is checked before
 * the code is spent.
 *
 * A code a demo user made makes a demo user (issue 9): what a visitor did as the demo admin ends with demo
 * mode, and with demo mode off such a code is no code at all.
 */
import { fail, ok } from '../../contract';
import { demoDisabled } from './demo';
import { describeUser, startSession } from './session';
import type { Ctx, Route } from '../context';
import { addressKey, waitFor } from './limits';
import { noAccounts, normalizeAccount, tooMany } from './login';
import type { InviteRecord, UserRecord } from './store';

const badCode = fail('INVALID_ARGUMENT', '没有这个邀请码，或它已被使用、已过期：请核对后重新输入，或向管理员索取新的邀请码。');

/** Whether the users `invite` makes are demo users; null when the code cannot be used now. */
async function checkCode(ctx: Ctx, code: string): Promise<{ demo: boolean } | null> {
  const { store, clock, settings } = ctx.deps;
  const invite = await store.people.getInvite(code);
  if (!invite || invite.usedBy !== null || !(clock.now() < invite.expiresAt)) return null;
  const demo = (await store.people.getUser(invite.createdBy))?.demo === true;
  return demo && !settings.demo ? null : { demo };
}

/** Redeems `code` for a new user id; null when it cannot be used (nothing changed then). */
async function redeem(ctx: Ctx, code: string): Promise<{ userId: string; invite: InviteRecord } | null> {
  const { store, ids, clock } = ctx.deps;
  const userId = ids.newId();
  const invite = await store.people.redeemInvite(code, userId, clock.now());
  return invite ? { userId, invite } : null;
}

const fromInvite = (userId: string, name: string, invite: InviteRecord, demo: boolean): UserRecord => ({
  id: userId,
  name,
  role: invite.role,
  cityId: invite.cityId,
  unitId: invite.unitId,
  ...(demo ? { demo: true } : {}),
});

export const authJoin: Route<'auth.join'> = {
  access: 'anyone',
  run: async (ctx, input) => {
    const { store, passwords } = ctx.deps;
    if (!passwords) return noAccounts('注册');
    const { address } = ctx.state.attempts;
    const ip = addressKey(ctx.caller.ip);
    const wait = address.take(ip);
    if (wait > 0) return waitFor(wait);

    const code = await checkCode(ctx, input.inviteCode);
    if (!code) return badCode;
    const account = normalizeAccount(input.account);
    if (await store.people.getUserByAccount(account)) {
      return fail('CONFLICT', `账号「${account}」已被使用，请换一个账号。`);
    }
    const passwordHash = await passwords.hash(input.password);
    const redeemed = await redeem(ctx, input.inviteCode);
    if (!redeemed) return badCode;
    address.release(ip);

    const user: UserRecord = {
      ...fromInvite(redeemed.userId, input.name, redeemed.invite, code.demo),
      account,
      passwordHash,
    };
    await store.people.putUser(user);
    return ok(await startSession(ctx, user));
  },
};

export const meBind: Route<'me.bind'> = {
  access: 'anyone',
  run: async (ctx, input) => {
    const openid = ctx.caller.openid;
    if (!openid) return fail('FORBIDDEN', '邀请码绑定仅用于微信小程序；网页端请用邀请码注册账号。');
    const { store, settings } = ctx.deps;
    const bound = await store.people.getUserByOpenid(openid);
    if (bound?.demo === true && !settings.demo) return demoDisabled;
    if (bound) {
      const user = await describeUser(ctx, bound);
      const where = user.unitName ? `「${user.unitName}」的` : '';
      return fail('CONFLICT', `该微信已绑定${where}账号「${user.name}」，无需再次绑定。`);
    }
    const { openid: perOpenid } = ctx.state.attempts;
    if (!perOpenid.take(openid)) return tooMany(perOpenid);

    const code = await checkCode(ctx, input.inviteCode);
    const redeemed = code ? await redeem(ctx, input.inviteCode) : null;
    if (!code || !redeemed) return badCode;
    perOpenid.release(openid);

    const user: UserRecord = { ...fromInvite(redeemed.userId, input.name, redeemed.invite, code.demo), openid };
    await store.people.putUser(user);
    return ok({ user: await describeUser(ctx, user) });
  },
};
