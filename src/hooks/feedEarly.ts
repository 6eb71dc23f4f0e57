/**
 * The feed's two requests sent as the app starts, before its page has loaded: in the browser, when it
 * opens on the feed with nothing kept (a first or cold open), the page's own set-up (its code, the
 * router, the first render) then overlaps the round trip instead of coming before it. useFeed takes them
 * over: the campaign through loadArena's cache, the first page once. With cards kept, the page shows
 * those at once and asks when it is up, as before; WeChat does not start early (./opensOnFeed.ts).
 */
import type { ActionOutput } from '../../core/contract';
import { call } from '../api/call';
import { getUser } from '../api/session';
import { readKeptFeed } from '../lib/kept-feed';
import { opensOnFeed } from '../lib/opens-on-feed';
import { loadArena } from './useArena';

/** Posts in the feed's first page. */
export const FEED_PAGE = 10;

type Page = ActionOutput<'post.list'>;

let early: { userId: string; page: Promise<Page> } | null = null;

/** At app start: sends the feed's requests if the app opens on it, signed in, with nothing kept. */
export function startFeedEarly(): void {
  const user = getUser();
  if (!user || !opensOnFeed() || readKeptFeed(user.id)) return;
  // A failure here is the page's to show, when it takes the answer.
  void loadArena(user.id).catch(() => undefined);
  const page = call('post.list', { limit: FEED_PAGE });
  page.catch(() => undefined);
  early = { userId: user.id, page };
}

/** The first page already asked for `userId`, once; null when none was. */
export function takeEarlyPage(userId: string): Promise<Page> | null {
  const e = early;
  early = null;
  return e?.userId === userId ? e.page : null;
}
