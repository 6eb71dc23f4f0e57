/**
 * What the feed shows. The campaign and the newest posts are asked for together; until both have come,
 * the cards kept from the last open (lib/kept-feed.ts) show, marked as such, and then give way to the
 * fresh ones, which are kept in turn for the next open.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Post, ReviewNotice } from '../../core/contract';
import { buildArena, type Arena } from '../lib/arena';
import { firstScreenSettled } from '../lib/first-screen';
import { keepFeed, readKeptFeed } from '../lib/kept-feed';
import { FEED_PAGE, takeEarlyPage } from './feedEarly';
import { useArena } from './useArena';
import { usePostList } from './usePostList';

export interface Feed {
  /** The campaign the cards are drawn with; null until there is one to show. */
  arena: Arena | null;
  items: Post[];
  /** The published 通报 among the fresh posts (none among kept ones). */
  notices: ReviewNotice[];
  /** While the cards are the kept ones: when they were kept (ms). Null once the fresh ones show. */
  keptAt: number | null;
  loading: boolean;
  /** Why the campaign or a page did not come; kept cards stay on screen meanwhile. */
  error: unknown;
  /** True once the last page has come. */
  ended: boolean;
  /** From the top: the campaign again if it had failed, and the newest page. */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

export function useFeed(userId: string): Feed {
  // Read once per user: the Feed page is keyed by the user.
  const [kept] = useState(() => readKeptFeed(userId));
  const keptArena = useMemo(() => (kept ? buildArena(kept.campaign) : null), [kept]);
  const campaign = useArena(userId);
  // Not waiting for the campaign: both requests go out at once (or went out as the app started).
  const list = usePostList({ enabled: true, limit: FEED_PAGE, first: () => takeEarlyPage(userId) });
  const fresh = campaign.data !== null && list.top !== null;
  const error: unknown = campaign.error ?? list.error;

  useEffect(() => {
    if (campaign.data && list.top) keepFeed(userId, campaign.data, list.top);
  }, [userId, campaign.data, list.top]);

  // The badge and other side requests wait for this (app.ts).
  useEffect(() => {
    if (fresh || error !== null) firstScreenSettled();
  }, [fresh, error]);

  const { reload } = campaign;
  const { refresh: refreshList } = list;
  const failedCampaign = campaign.error !== null;
  const refresh = useCallback(async () => {
    await Promise.all([failedCampaign ? reload() : undefined, refreshList()]);
  }, [failedCampaign, reload, refreshList]);

  const showKept = !fresh && kept !== null && keptArena !== null;
  return {
    arena: showKept ? keptArena : campaign.data,
    items: showKept ? kept.posts : campaign.data ? list.items : [],
    notices: showKept || !campaign.data ? [] : list.notices,
    keptAt: showKept ? kept.savedAt : null,
    loading: campaign.loading || list.loading,
    error,
    ended: !showKept && list.ended,
    refresh,
    // More only below the fresh cards: the kept ones are replaced from the top.
    loadMore: showKept ? () => Promise.resolve() : list.loadMore,
  };
}
