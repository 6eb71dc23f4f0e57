/** The feed by cursor: newest first, one request in flight, refresh from the top, more at the bottom. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput, Post, ReviewNotice } from '../../core/contract';
import { call } from '../api/call';

export interface PostList {
  items: Post[];
  /** The published 通报 that fall among the pages so far (the city-wide feed only). */
  notices: ReviewNotice[];
  /** The newest page as last fetched from the top (null before the first answer). */
  top: Post[] | null;
  /** True once the last page has come. */
  ended: boolean;
  loading: boolean;
  error: unknown;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface Options {
  enabled: boolean;
  unitId?: string;
  limit?: number;
  /** The first page if it is already on its way (./feedEarly.ts); asked for once, for the first fetch. */
  first?: () => Promise<ActionOutput<'post.list'>> | null;
}

export function usePostList(opts: Options): PostList {
  const { enabled, unitId, limit = 10 } = opts;
  const first = useRef(opts.first);
  const [items, setItems] = useState<Post[]>([]);
  const [notices, setNotices] = useState<ReviewNotice[]>([]);
  const [top, setTop] = useState<Post[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (from: string | null) => {
      // A refresh outranks a pending "more": bump the generation so the older answer is dropped.
      if (inFlight.current && from !== null) return;
      const gen = from === null ? ++generation.current : generation.current;
      inFlight.current = true;
      setLoading(true);
      setError(null);
      try {
        const early = from === null ? first.current?.() : null;
        first.current = undefined;
        const page = await (early ??
          call('post.list', {
            limit,
            ...(unitId ? { unitId } : {}),
            ...(from ? { cursor: from } : {}),
          }));
        if (gen !== generation.current) return;
        setItems((prev) => (from === null ? page.items : [...prev, ...page.items]));
        const more = page.notices ?? [];
        setNotices((prev) => (from === null ? more : [...prev, ...more]));
        if (from === null) setTop(page.items);
        setCursor(page.nextCursor);
        setEnded(page.nextCursor === null);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        if (gen === generation.current) {
          inFlight.current = false;
          setLoading(false);
        }
      }
    },
    [limit, unitId],
  );

  const refresh = useCallback(() => fetchPage(null), [fetchPage]);
  const loadMore = useCallback(async () => {
    if (ended || cursor === null || inFlight.current) return;
    await fetchPage(cursor);
  }, [cursor, ended, fetchPage]);

  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, refresh]);

  return { items, notices, top, ended, loading, error, refresh, loadMore };
}
