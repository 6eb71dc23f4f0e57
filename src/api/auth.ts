/**
 * Signing in. WeChat knows the caller already (me.get works at once); the browser needs a token. On a
 * demo server the visitor picks a role on first open (SignInGate's role chooser); the choice is kept, so a
 * lost demo session signs in again as the same role without asking. Signing out forgets it.
 */
import Taro from '@tarojs/taro';
import type { Role, User } from '../../core/contract';
import { call } from './call';
import { ApiCallError } from './errors';
import { signsInWithToken } from './platform';
import { getToken, getUser, setSession, setUser } from './session';

const DEMO_ROLE_KEY = 'arena.demoRole';

let pending: Promise<User | null> | null = null;

/** Resolves with the signed-in user, or null when nobody is (yet); one attempt at a time. */
export function ensureSignedIn(): Promise<User | null> {
  pending ??= signIn().finally(() => {
    pending = null;
  });
  return pending;
}

async function signIn(): Promise<User | null> {
  try {
    const { user } = await call('me.get', {});
    setUser(user);
    return user;
  } catch (e) {
    if (!(e instanceof ApiCallError && e.code === 'UNAUTHENTICATED')) {
      // Offline with a stored session: keep showing who we were.
      if (getToken() && getUser()) return getUser();
      throw e;
    }
  }
  // WeChat: an unbound OPENID stays signed out until it joins with an invite code (pages/join).
  if (!signsInWithToken) return null;
  // Browser: only a role chosen before signs in by itself; otherwise the gate offers the chooser.
  const role = rememberedRole();
  if (!role) return null;
  try {
    return await demoLoginAs(role);
  } catch {
    forgetRole();
    return null; // no longer a demo server, or no such role: the gate asks
  }
}

/** The demo accounts of the server (FORBIDDEN when it is not a demo server). */
export const listDemoUsers = async (): Promise<User[]> => (await call('auth.demoUsers', {})).users;

/** The demo account a role signs in as: the first one the server lists with that role. */
export const demoUserFor = (users: User[], role: Role): User | undefined =>
  users.find((u) => u.role === role);

/** Signs in as the role's demo account and remembers the role for the next open. */
export async function demoLoginAs(role: Role, users?: User[]): Promise<User> {
  const user = demoUserFor(users ?? (await listDemoUsers()), role);
  if (!user) throw new ApiCallError('NOT_FOUND', '演示数据里没有这个角色的账号，请换一个角色。');
  return demoLogin(user.id);
}

/** Signs in as one demo account; its role is what the next open signs in as if this session is lost. */
export async function demoLogin(userId: string): Promise<User> {
  const { token, user } = await call('auth.demoLogin', { userId });
  setSession(token, user);
  Taro.setStorageSync(DEMO_ROLE_KEY, user.role);
  return user;
}

/**
 * Ends this session on the server (me.logout) and forgets it here: the token, the user, the demo role.
 * A session the server had already ended still signs out; any other failure keeps the person signed in
 * and throws, so nobody believes a session is over while it still works.
 */
export async function signOut(): Promise<void> {
  try {
    await call('me.logout', {});
  } catch (e) {
    if (!(e instanceof ApiCallError && e.code === 'UNAUTHENTICATED')) throw e;
  }
  forgetRole();
  setSession(null, null);
}

function rememberedRole(): Role | null {
  try {
    const r: unknown = Taro.getStorageSync(DEMO_ROLE_KEY);
    return typeof r === 'string' && r ? (r as Role) : null;
  } catch {
    return null;
  }
}

function forgetRole(): void {
  try {
    Taro.removeStorageSync(DEMO_ROLE_KEY);
  } catch {
    // nothing stored
  }
}
