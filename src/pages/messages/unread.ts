/**
 * The unread count on the 我 tab's badge. It is asked for (one small notify.list) when the app comes to the
 * front, when someone signs in, when 我 shows, and every few minutes while the app is open; marking
 * messages read sets it at once from the answer. Without a session the badge goes.
 */
import Taro from '@tarojs/taro';
import { call } from '../../api/call';
import { getUser, subscribe } from '../../api/session';

/** 我 is the third tab (app.config.ts). */
const ME_TAB = 2;
/** New reminders come hourly at most: a look every 10 minutes keeps the badge current, and the load small. */
export const POLL_MS = 10 * 60_000;
/** Shows of the app closer together than this reuse the last answer. */
const FRESH_MS = 60_000;

/** The badge's text: the count, capped so it stays one short word. */
export const badgeText = (n: number): string => (n > 99 ? '99+' : String(n));

let shown: number | null = null;
let askedAt = -Infinity;
let asking: Promise<number | null> | null = null;

/** Quietly: a badge is a hint; WeChat refuses it off the tab pages, and the next show sets it again. */
function quietly(run: () => Promise<unknown> | undefined): void {
  try {
    void Promise.resolve(run()).catch(() => undefined);
  } catch {
    // an old base library without tab bar APIs
  }
}

/** Puts `n` on the 我 tab (no badge for 0). */
export function showUnread(n: number): void {
  shown = n;
  quietly(() =>
    n > 0
      ? Taro.setTabBarBadge({ index: ME_TAB, text: badgeText(n) })
      : Taro.removeTabBarBadge({ index: ME_TAB }),
  );
}

/** The last count shown, or null before the first answer. */
export const unreadShown = (): number | null => shown;

/**
 * Asks the server for the count and shows it; `force` asks even when the last answer is recent.
 * One request at a time; signed out, nothing is asked and the badge goes.
 */
export function refreshUnread(force = false): Promise<number | null> {
  if (!getUser()) {
    if (shown !== null) showUnread(0);
    shown = null;
    return Promise.resolve(null);
  }
  if (asking) return asking;
  if (!force && Date.now() - askedAt < FRESH_MS) return Promise.resolve(shown);
  askedAt = Date.now();
  asking = call('notify.list', { limit: 1 })
    .then(
      (r) => {
        showUnread(r.unread);
        return r.unread;
      },
      () => shown, // offline: keep what the badge says
    )
    .finally(() => {
      asking = null;
    });
  return asking;
}

let started = false;

/** Wires the badge to the app's life once (app.ts). */
export function startUnreadBadge(): void {
  if (started) return;
  started = true;
  let lastUser = getUser()?.id ?? null;
  subscribe(() => {
    const id = getUser()?.id ?? null;
    if (id === lastUser) return;
    lastUser = id;
    void refreshUnread(true);
  });
  try {
    Taro.onAppShow(() => void refreshUnread());
  } catch {
    // no app-show event here: the timer and the pages still refresh it
  }
  setInterval(() => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    void refreshUnread(true);
  }, POLL_MS);
  void refreshUnread(true);
}

/** For tests: forget what was asked and shown. */
export function resetUnreadForTest(): void {
  shown = null;
  askedAt = -Infinity;
  asking = null;
}
