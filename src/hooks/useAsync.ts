/** One request's life on a page: loading, data or error, and a reload that keeps the old data showing. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Runs `load` whenever `key` changes (null: wait). Answers to an older key are dropped. */
export function useAsync<T>(key: string | null, load: () => Promise<T>): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const value = await loadRef.current();
      if (ticket === latest.current) setData(value);
    } catch (e) {
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (key === null) return;
    setData(null);
    void run();
  }, [key, run]);

  return { data, error, loading, reload: run };
}
