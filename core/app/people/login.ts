/**
 * `auth.login` on the self-hosted server: an account and a password, checked by the Passwords port.
 * A wrong account and a wrong password get the same answer, and take as long (an unknown account is
 * checked against a dummy hash). Failures are limited per account and per client address.
 */
import { fail, ok, type Fail } from '../../contract';
import type { AttemptLimiter } from './attempts';
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
    const { store, passwords } = ctx.deps;
    if (!passwords) return noAccounts('登录');
    const account = normalizeAccount(input.account);
    const { attempts } = ctx.state;
    const address = ctx.caller.ip ?? null;
    if (!attempts.account.take(account)) return tooMany(attempts.account);
    if (address !== null && !attempts.address.take(address)) {
      attempts.account.release(account);
      return tooMany(attempts.address);
    }

    const user = await store.people.getUserByAccount(account);
    const matches = user?.passwordHash
      ? await passwords.verify(input.password, user.passwordHash)
      : (await passwords.verify(input.password, await dummyHash(ctx, passwords)), false);
    if (!user || !matches) return wrong;

    attempts.account.clear(account);
    if (address !== null) attempts.address.release(address);
    return ok(await startSession(ctx, user));
  },
};
