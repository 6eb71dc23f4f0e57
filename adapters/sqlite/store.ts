/**
 * The Store port on SQLite (better-sqlite3): opens the file, applies the migrations, and composes the
 * slices, one file each (./campaigns.ts, ./people.ts, ./posts.ts, ./standings.ts, ./notifications.ts,
 * ./tasks.ts, ./reviews.ts, ./social.ts), which prepare their statements once and answer the port's async
 * methods from synchronous calls.
 *
 * A lock held by another process: better-sqlite3 waits for it synchronously, stopping every other request
 * of this process, so each attempt waits only `serveBusyTimeoutMs` and the rest of the wait happens here,
 * asynchronously, with backoff, up to a bound; then the method throws `StoreUnavailable` (core/app), which
 * the router answers UNAVAILABLE. Every slice method is one synchronous statement or transaction, so a busy
 * attempt changed nothing and is safe to run again. A read-only database or a full disk is not retried.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { Store } from '../../core/app/store';
import { StoreUnavailable, type UnavailableReason } from '../../core/app/unavailable';
import { campaignStore } from './campaigns';
import { migrate, readMigrations } from './migrate';
import { notificationStore } from './notifications';
import { openDatabase, serveBusyTimeoutMs } from './open';
import { peopleStore } from './people';
import { postStore } from './posts';
import { reviewStore } from './reviews';
import { socialStore } from './social';
import { standingsStore } from './standings';
import { taskStore } from './tasks';

/** How long a store method keeps trying for a lock another process holds. */
export interface BusyPolicy {
  /** SQLite's own (blocking) wait per attempt. */
  attemptMs: number;
  /** No new attempt starts after this much time in all. */
  giveUpAfterMs: number;
  /** The first pause between attempts; it doubles up to `maxPauseMs`. */
  firstPauseMs: number;
  maxPauseMs: number;
}

export const defaultBusyPolicy: BusyPolicy = {
  attemptMs: serveBusyTimeoutMs,
  giveUpAfterMs: 2000,
  firstPauseMs: 10,
  maxPauseMs: 250,
};

/** The health probe gives up sooner: it must answer within a second. */
const probePolicy = (p: BusyPolicy): BusyPolicy => ({ ...p, giveUpAfterMs: Math.min(p.giveUpAfterMs, 300) });

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Post ids; random UUIDs by default. */
  newId?: () => string;
  /** Where the numbered `.sql` files are; ./migrations by default. */
  migrationsDir?: string;
  /** Tests shorten it. */
  busy?: Partial<BusyPolicy>;
}

export interface SqliteStore {
  store: Store;
  db: Database;
  /**
   * Proves the database can be written now: takes the write lock and changes the header inside a
   * transaction it rolls back. Resolves, or throws StoreUnavailable naming what is wrong.
   */
  checkWritable(): Promise<void>;
  /** Every `photos` entry of every post, read in batches that leave the event loop free between them. */
  referencedPhotos(): Promise<Set<string>>;
  close(): void;
}

/** What a SQLite error means for the person waiting, or null when it is not about availability. */
export function unavailableReason(error: unknown): UnavailableReason | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY')) return 'locked';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_FULL') return 'disk-full';
  return null;
}

async function withRetry<T>(run: () => T | Promise<T>, policy: BusyPolicy): Promise<T> {
  const started = performance.now();
  let pause = policy.firstPauseMs;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      const reason = unavailableReason(error);
      if (reason === null) throw error;
      const spent = performance.now() - started;
      if (reason !== 'locked' || spent + pause > policy.giveUpAfterMs)
        throw new StoreUnavailable(reason, error instanceof Error ? error.message : String(error));
      // Jitter: two processes that collided once should not collide again on every retry.
      await sleep(pause * (0.5 + Math.random()));
      pause = Math.min(pause * 2, policy.maxPauseMs);
    }
  }
}

/** The same slice, each method retried as above. */
function retrying<T extends object>(slice: T, policy: BusyPolicy): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(slice)) {
    out[key] =
      typeof value === 'function'
        ? (...args: unknown[]) =>
            withRetry(() => (value as (...a: unknown[]) => unknown).apply(slice, args), policy)
        : value;
  }
  return out as T;
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const policy: BusyPolicy = { ...defaultBusyPolicy, ...options.busy };
  const db = openDatabase(options.file);
  try {
    migrate(db, readMigrations(options.migrationsDir));
    db.pragma(`busy_timeout = ${policy.attemptMs}`);
  } catch (e) {
    db.close();
    throw e;
  }
  const store: Store = {
    campaigns: retrying(campaignStore(db), policy),
    people: retrying(peopleStore(db), policy),
    posts: retrying(postStore(db, options.newId ?? randomUUID), policy),
    standings: retrying(standingsStore(db), policy),
    notifications: retrying(notificationStore(db), policy),
    tasks: retrying(taskStore(db), policy),
    reviews: retrying(reviewStore(db), policy),
    social: retrying(socialStore(db), policy),
  };

  const rollback = new Error('rollback');
  const probe = db.transaction(() => {
    // Rewriting the header's user_version with its own value needs a writable file; rolled back below.
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${Math.trunc(version)}`);
    throw rollback;
  });
  const checkWritable = () =>
    withRetry(() => {
      try {
        probe.immediate();
      } catch (e) {
        if (e !== rollback) throw e;
      }
    }, probePolicy(policy));

  const photoBatch = db.prepare<[number, number], { seq: number; photos: string }>(
    "SELECT seq, photos FROM posts WHERE seq > ? AND photos <> '[]' ORDER BY seq LIMIT ?",
  );
  const referencedPhotos = async (): Promise<Set<string>> => {
    const seen = new Set<string>();
    let after = 0;
    for (;;) {
      const rows = await withRetry(() => photoBatch.all(after, 500), policy);
      for (const row of rows) {
        const photos: unknown = JSON.parse(row.photos);
        if (Array.isArray(photos)) for (const p of photos) if (typeof p === 'string') seen.add(p);
      }
      const last = rows[rows.length - 1];
      if (rows.length < 500 || !last) return seen;
      after = last.seq;
      await sleep(0);
    }
  };

  return {
    store,
    db,
    checkWritable,
    referencedPhotos,
    close: () => {
      if (db.open) db.close();
    },
  };
}
