/**
 * Limits on failed sign-ins and joins that slow an attacker without locking out the owner (issue 9):
 *
 * - per (account, address): a growing delay. The first FREE_FAILURES failures in a row cost nothing;
 *   after that each attempt must wait 1 s, 2 s, 4 s … (at most MAX_DELAY_MS) after the last one. Only
 *   this address is slowed on this account: the owner signing in from elsewhere never waits, and the
 *   right password from here clears the streak.
 * - per address (across accounts, e.g. password spraying): a budget of failures that refills one every
 *   REFILL_MS; an address that spent it waits seconds for the next one, never a fixed quarter hour. A
 *   success gives its failure back.
 *
 * An attempt is counted before it is checked (a success gives it back), so a parallel burst cannot slip
 * past either limit. A refused attempt is not checked and counts nothing; the caller is told how many
 * seconds to wait. Time comes from the timer port; memory is bounded (least recently used keys go first).
 */
import { fail, type Fail } from '../../contract';
import type { Clock } from '../ports';
import { createAttemptLimiter, type AttemptLimiter } from './attempts';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** A streak idle this long is forgotten: the owner back the next morning starts afresh. */
export const FORGET_AFTER_MS = 60 * 60_000;
export const ADDRESS_BURST = 20;
export const REFILL_MS = 10_000;
/** Wrong invite codes per OPENID (the OPENID is the caller's own: only they are slowed). */
const OPENID_FAILURES = 10;
const OPENID_WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 20_000;

/** Keys in least-recently-written order, the oldest dropped past `max`. */
function boundedMap<V>(max: number) {
  const map = new Map<string, V>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: V) {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
    delete: (key: string) => void map.delete(key),
  };
}

export interface Backoff {
  /** 0: go ahead (the attempt now counts as a failure until `clear`); else the ms to wait, nothing counted. */
  take(key: string): number;
  /** Forgets the streak of `key` (the attempt succeeded). */
  clear(key: string): void;
}

export function createBackoff(timer: Clock): Backoff {
  const streaks = boundedMap<{ failures: number; last: number }>(MAX_KEYS);
  return {
    take(key) {
      const now = timer.now();
      const s = streaks.get(key);
      const failures = s && now - s.last < FORGET_AFTER_MS ? s.failures : 0;
      if (s && failures >= FREE_FAILURES) {
        const delay = Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
        const wait = s.last + delay - now;
        if (wait > 0) return wait;
      }
      streaks.set(key, { failures: failures + 1, last: now });
      return 0;
    },
    clear: (key) => streaks.delete(key),
  };
}

export interface FailureBudget {
  /** 0: go ahead (one failure spent until `release`); else the ms until one is back, nothing spent. */
  take(key: string): number;
  /** Gives back one failure (the attempt succeeded). */
  release(key: string): void;
}

export function createFailureBudget(timer: Clock, burst: number, refillMs: number): FailureBudget {
  const buckets = boundedMap<{ left: number; at: number }>(MAX_KEYS);
  const current = (key: string, now: number): number => {
    const b = buckets.get(key);
    return b ? Math.min(burst, b.left + (now - b.at) / refillMs) : burst;
  };
  return {
    take(key) {
      const now = timer.now();
      const left = current(key, now);
      if (left < 1) return Math.ceil((1 - left) * refillMs);
      buckets.set(key, { left: left - 1, at: now });
      return 0;
    },
    release(key) {
      const now = timer.now();
      const left = Math.min(burst, current(key, now) + 1);
      if (left >= burst) buckets.delete(key);
      else buckets.set(key, { left, at: now });
    },
  };
}

export interface SignInLimits {
  /** Failed sign-ins per (account, address): see `pairKey`. */
  pair: Backoff;
  /** Failed sign-ins and joins per address: see `addressKey`. */
  address: FailureBudget;
  /** Wrong invite codes per WeChat OPENID (me.bind). */
  openid: AttemptLimiter;
}

export function createSignInLimits(timer: Clock): SignInLimits {
  return {
    pair: createBackoff(timer),
    address: createFailureBudget(timer, ADDRESS_BURST, REFILL_MS),
    openid: createAttemptLimiter(timer, OPENID_FAILURES, OPENID_WINDOW_MS),
  };
}

/** The address a limit counts against; callers without one (no host passed it) share one bucket. */
export const addressKey = (ip: string | null | undefined): string => (ip ? `ip:${ip}` : 'no-address');

export const pairKey = (account: string, ip: string | null | undefined): string =>
  `${account}\n${addressKey(ip)}`;

/** RATE_LIMITED with the seconds to wait (rounded up, at least 1). */
export function waitFor(ms: number): Fail {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = seconds >= 120 ? `（约 ${Math.round(seconds / 60)} 分钟）` : '';
  return fail('RATE_LIMITED', `尝试次数过多，请 ${seconds} 秒${minutes}后再试。`);
}
