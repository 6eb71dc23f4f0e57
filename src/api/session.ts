/**
 * Who is signed in: the token (kept in Taro storage, so it survives restarts) and the user,
 * as a tiny observable store that pages read through useSession(). What is kept on the phone for a user
 * (the feed's first screen and, in the browser, its opening picture) goes when the user does.
 */
import Taro from '@tarojs/taro';
import type { User } from '../../core/contract';
import { forgetKeptFeed } from '../lib/kept-feed';
import { forgetOpeningPicture } from '../lib/opening-picture';

const TOKEN_KEY = 'arena.token';
const USER_KEY = 'arena.user';

type Listener = () => void;
const listeners = new Set<Listener>();
// Read on first use, not at import: the app shell imports this before it has set the platform up.
let user: User | null | undefined;

function readUser(): User | null {
  try {
    const raw: unknown = Taro.getStorageSync(USER_KEY);
    return raw && typeof raw === 'object' ? (raw as User) : null;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  try {
    const t: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof t === 'string' && t ? t : null;
  } catch {
    return null;
  }
}

export function getUser(): User | null {
  if (user === undefined) user = readUser();
  return user;
}

export function setSession(token: string | null, next: User | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token);
  else Taro.removeStorageSync(TOKEN_KEY);
  setUser(next);
}

export function setUser(next: User | null): void {
  // Nobody sees another person's feed: signing out or in as someone else drops the kept one.
  if (next?.id !== getUser()?.id) {
    forgetKeptFeed();
    forgetOpeningPicture();
  }
  user = next;
  if (next) Taro.setStorageSync(USER_KEY, next);
  else Taro.removeStorageSync(USER_KEY);
  listeners.forEach((l) => l());
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
