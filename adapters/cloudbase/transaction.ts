/**
 * Every transaction of the CloudBase store runs through `inTransaction`, which owns the retries. The SDK's
 * own `runTransaction(fn, times)` runs `fn` again only when the commit reports a conflict, at once and
 * `times` + 1 times in all; a conflict raised by a write inside `fn` (the usual case: the server refuses
 * the second writer of a document) reaches the caller unretried, as an Error with errCode -501001. So the
 * SDK is asked for exactly one run (`times` 0), and any conflict, in either shape (./reads.ts
 * `isConflict`), is retried here after a random pause that doubles each time, a bounded number of times.
 * `fn` must be safe to run again: it reads what it needs inside the transaction and decides afresh.
 */
import { StoreUnavailable } from '../../core/app/unavailable';
import { isConflict } from './reads';
import type { WxDatabase, WxTransaction } from './wx-types';

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** Upper bound of the first pause, in ms; it doubles with each retry ("full jitter"). */
  backoffMs: number;
  /** Upper bound of any one pause, in ms. */
  maxBackoffMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 10, backoffMs: 20, maxBackoffMs: 500 };

/**
 * What `inTransaction` throws when every run conflicted: the store is busy, the caller may try later — a
 * StoreUnavailable ('locked'), which the router answers as UNAVAILABLE with a wait, unless the slice
 * turns it into an answer of its own first (`isBusy`).
 */
export const BUSY = 'TRANSACTION_BUSY';

export const isBusy = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === BUSY;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(
  db: Pick<WxDatabase, 'runTransaction'>,
  fn: (t: WxTransaction) => Promise<T>,
  policy: RetryPolicy = defaultRetry,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.runTransaction(fn, 0);
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt >= policy.attempts) {
        throw Object.assign(
          new StoreUnavailable('locked', `transaction still conflicting after ${attempt} runs`),
          {
            code: BUSY,
            cause: e,
          },
        );
      }
      await sleep(Math.random() * Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1)));
    }
  }
}

const WRAPPED = Symbol('retrying');

/**
 * `db` with every `runTransaction` going through `inTransaction`: the store hands this to its area
 * functions, so that no transaction of the store, now or added later, runs without the retries.
 */
export function withRetries(db: WxDatabase, policy: RetryPolicy = defaultRetry): WxDatabase {
  if (WRAPPED in db) return db;
  const runTransaction: WxDatabase['runTransaction'] = (fn) => inTransaction(db, fn, policy);
  // The SDK's database keeps its methods on its prototype: inherit them, replace one.
  return Object.create(db, {
    runTransaction: { value: runTransaction },
    [WRAPPED]: { value: true },
  }) as WxDatabase;
}
