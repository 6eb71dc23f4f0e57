/**
 * Limits on failed attempts (passwords, invite codes): at most `max` in a sliding window per key. An
 * attempt takes a slot before it is checked, so parallel guesses cannot slip past the limit; a success
 * gives its slot back (`release`) or clears the key (`clear`). Time comes from the Clock port.
 */
import type { Clock } from '../ports';

/** Forget idle keys once this many are tracked, so memory stays bounded. */
const SWEEP_AT = 10_000;

export interface AttemptLimiter {
  /** Records an attempt for `key`; false (and nothing recorded) when the key is at its limit. */
  take(key: string): boolean;
  /** Gives back the latest attempt of `key` (it succeeded and should not count). */
  release(key: string): void;
  /** Forgets every attempt of `key`. */
  clear(key: string): void;
  /** Minutes in the window, for messages. */
  readonly windowMinutes: number;
}

export function createAttemptLimiter(clock: Clock, max: number, windowMs: number): AttemptLimiter {
  const hits = new Map<string, number[]>();
  const fresh = (key: string, from: number): number[] => (hits.get(key) ?? []).filter((t) => t > from);

  return {
    windowMinutes: Math.round(windowMs / 60_000),
    take(key) {
      const now = clock.now();
      const from = now - windowMs;
      const list = fresh(key, from);
      if (list.length >= max) {
        hits.set(key, list);
        return false;
      }
      list.push(now);
      if (!hits.has(key) && hits.size >= SWEEP_AT) {
        for (const [k, l] of hits) if ((l[l.length - 1] ?? 0) <= from) hits.delete(k);
      }
      hits.set(key, list);
      return true;
    },
    release(key) {
      const list = hits.get(key);
      list?.pop();
      if (list?.length === 0) hits.delete(key);
    },
    clear(key) {
      hits.delete(key);
    },
  };
}
