/**
 * What 学 shows for a track ('' for all): the 经验做法 newest mark first, page by page with one request in
 * flight, and the top three of each division, which come with the first page. A change of track starts
 * again; an answer for an older track is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedPost, LearnDivision } from '../../../core/contract';
import { call } from '../../api/call';

export interface Learn {
  exemplars: FeedPost[];
  /** Null until the first page has come. */
  leaders: LearnDivision[] | null;
  loading: boolean;
  error: unknown;
  ended: boolean;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
}

/** `trackId` null: wait (the campaign has not come yet). */
export function useLearn(trackId: string | null): Learn {
  const [exemplars, setExemplars] = useState<FeedPost[]>([]);
  const [leaders, setLeaders] = useState<LearnDivision[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const [loading, setLoading] = useState(trackId !== null);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (from: string | null) => {
      if (trackId === null || (busy.current && from !== null)) return;
      const gen = from === null ? ++generation.current : generation.current;
      busy.current = true;
      setLoading(true);
      setError(null);
      try {
        const page = await call('learn.list', {
          ...(trackId ? { trackId } : {}),
          ...(from ? { cursor: from } : {}),
        });
        if (gen !== generation.current) return;
        setExemplars((prev) => (from === null ? page.exemplars : [...prev, ...page.exemplars]));
        if (from === null) setLeaders(page.leaders);
        setCursor(page.nextCursor);
        setEnded(page.nextCursor === null);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [trackId],
  );

  useEffect(() => {
    setExemplars([]);
    setLeaders(null);
    setEnded(false);
    void fetchPage(null);
  }, [fetchPage]);

  return {
    exemplars,
    leaders,
    loading,
    error,
    ended,
    loadMore: () => (ended || cursor === null || busy.current ? Promise.resolve() : fetchPage(cursor)),
    refresh: () => fetchPage(null),
  };
}
