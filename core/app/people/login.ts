/**
 * `auth.login` on the self-hosted server: an account and a password, checked by the Passwords port.
 * A wrong account and a wrong password get the same answer, and take as long (an unknown account is
 * checked against a dummy hash). Failures slow the (account, address) that makes them and spend the
 * address's budget (./limits.ts): never a lock that the owner, signing in from elsewhere, would meet.
 */
import { fail, ok, type Fail } from '../../contract';
import type { AttemptLimiter } from './attempts';
import { demoUsable } from './demo';
import { addressKey, pairKey, waitFor } from './limits';
import { startSession } from './session';
import type { Ctx, Route } from '../context';
import type { Passwords } from '../ports';

/** Accounts are compared without regard to case: `Wang.Fang` and `wang.fang` are one account. */
export const normalizeAccount = (account: string): string => account.trim().toLowerCase();

export const noAccounts = (what: string): Fail =>
  fail('FORBIDDEN', `此部署不支持账号${what}：请在微信小程序中输入邀请码加入。`);

export const tooMany = (limiter: AttemptLimiter): Fail =>
  fail('RATE_LIMITED', `尝试次数过多，请 ${limiter.windowMinutes} 分钟后再试。`);

const wrong = fail('UNAUTHENTICATED', '账号或密码错误');

function dummyHash(ctx: Ctx, passwords: Passwords): Promise<string> {
  ctx.state.dummyHash ??= passwords.hash('not-a-password-anyone-has');
  return ctx.state.dummyHash;
}

export const authLogin: Route<'auth.login'> = {
  access: 'anyone',
  run: async (ctx, input) => {
    const { store, passwords, settings } = ctx.deps;
    if (!passwords) return noAccounts('登录');
    const account = normalizeAccount(input.account);
    const limits = ctx.state.attempts;
    const address = addressKey(ctx.caller.ip);
    const pair = pairKey(account, ctx.caller.ip);
    const budgetWait = limits.address.take(address);
    if (budgetWait > 0) return waitFor(budgetWait);
    const pairWait = limits.pair.take(pair);
    if (pairWait > 0) {
      limits.address.release(address);
      return waitFor(pairWait);
    }

    const user = await store.people.getUserByAccount(account);
    const matches = user?.passwordHash
      ? await passwords.verify(input.password, user.passwordHash)
      : (await passwords.verify(input.password, await dummyHash(ctx, passwords)), false);
    // With demo mode off a demo user is no one, on this path as on every other.
    if (!user || !matches || !demoUsable(settings, user)) return wrong;

    limits.pair.clear(pair);
    limits.address.release(address);
    return ok(await startSession(ctx, user));
  },
};
