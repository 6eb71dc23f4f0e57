/**
 * Signing in. WeChat knows the caller already (me.get works at once); the browser needs a token,
 * which in demo mode comes from signing in as a demo user — the first reporter unless the person picks another on 我.
 */
import type { User } from '../../core/contract';
import { call } from './call';
import { ApiCallError } from './errors';
import { signsInWithToken } from './platform';
import { getToken, getUser, setSession, setUser } from './session';

let pending: Promise<User | null> | null = null;

/** Resolves with the signed-in user, or null when there is no way to sign in; one attempt at a time. */
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
  let users: User[];
  try {
    users = (await call('auth.demoUsers', {})).users;
  } catch {
    return null; // not a demo server: the page asks the person to sign in
  }
  // A reporter sees the whole demo: the feed, the board and the 发布 button.
  const first = users.find((u) => u.role === 'reporter') ?? users[0];
  return first ? demoLogin(first.id) : null;
}

export async function demoLogin(userId: string): Promise<User> {
  const { token, user } = await call('auth.demoLogin', { userId });
  setSession(token, user);
  return user;
}

export const listDemoUsers = async (): Promise<User[]> => (await call('auth.demoUsers', {})).users;
