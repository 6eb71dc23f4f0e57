/**
 * Per-user rate limit: a sliding window of one minute on the Clock port. A refused request does not
 * count, so a client that backs off gets through as soon as the window allows. A limit that is not a
 * positive number means no limit.
 */
import type { Clock } from './ports';

const WINDOW_MS = 60_000;
/** Forget idle callers once this many are tracked, so memory stays bounded. */
const SWEEP_AT = 10_000;

export interface RateLimiter {
  /** Records one request for `key`; false when it is over the limit. */
  take(key: string): boolean;
}

export function createRateLimiter(clock: Clock, perMinute: number): RateLimiter {
  const hits = new Map<string, number[]>();
  const unlimited = !(perMinute > 0);

  const sweep = (from: number) => {
    for (const [key, list] of hits) if ((list[list.length - 1] ?? 0) <= from) hits.delete(key);
  };

  return {
    take(key) {
      if (unlimited) return true;
      const now = clock.now();
      const from = now - WINDOW_MS;
      const list = hits.get(key) ?? [];
      while (list.length > 0 && (list[0] ?? 0) <= from) list.shift();
      if (list.length >= perMinute) return false;
      list.push(now);
      if (!hits.has(key) && hits.size >= SWEEP_AT) sweep(from);
      hits.set(key, list);
      return true;
    },
  };
}
