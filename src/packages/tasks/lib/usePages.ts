/**
 * A list read page by page: one request in flight, the pages kept in order, refresh from the start.
 * Answers to an older refresh are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  ended: boolean;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
}

export function usePages<T>(
  key: string | null,
  load: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(key !== null);
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const busy = useRef(false);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (from: string | null, fresh: boolean) => {
    if (busy.current && !fresh) return;
    const gen = fresh ? ++generation.current : generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await loadRef.current(from);
      if (gen !== generation.current) return;
      setItems((old) => (fresh ? page.items : [...old, ...page.items]));
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
  }, []);

  useEffect(() => {
    if (key === null) return;
    setItems([]);
    void fetchPage(null, true);
  }, [key, fetchPage]);

  return {
    items,
    loading,
    error,
    ended,
    loadMore: () => (ended ? Promise.resolve() : fetchPage(cursor, false)),
    refresh: () => fetchPage(null, true),
  };
}
