/**
 * The Store port on the WeChat cloud database (wx-server-sdk 4.x): `createCloudStore({ db })` with the
 * host's `cloud.database()`, composed of one file per slice (./campaigns.ts, ./people.ts, ./posts.ts,
 * ./standings.ts, ./notifications.ts, ./tasks.ts, ./reviews.ts, ./social.ts). Collections and document
 * shapes: ./collections.ts; the post path: ./commit-post.ts.
 * Functions use admin rights; clients are locked out by ./security-rules.json; ./indexes.json lists the
 * indexes the queries need.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/app/store';
import { campaignStore } from './campaigns';
import { notificationStore } from './notifications';
import { peopleStore } from './people';
import { postStore } from './posts';
import { reviewStore } from './reviews';
import { socialStore } from './social';
import { standingsStore } from './standings';
import { taskStore } from './tasks';
import { defaultRetry, withRetries, type RetryPolicy } from './transaction';
import { createWarm, withWarm } from './warm';
import type { WxDatabase } from './wx-types';

export interface CloudStoreOptions {
  db: WxDatabase;
  /** Ids of new posts (default: random). */
  newId?: () => string;
  /** How every transaction retries conflicts (./transaction.ts). */
  retry?: Partial<RetryPolicy>;
  /**
   * Keep cities and users between calls on a warm function instance, and read each version document once
   * per call (`invocation`): ./warm.ts. Off by default (each call reads everything).
   */
  warm?: boolean;
}

/** The Store, and how a host runs one call of it. */
export interface CloudStore extends Store {
  /** Runs one call (one function invocation): with `warm`, version documents are read once in it. */
  invocation<T>(fn: () => Promise<T>): Promise<T>;
}

export function createCloudStore(options: CloudStoreOptions): CloudStore {
  const newId = options.newId ?? (() => randomUUID().replace(/-/g, ''));
  const retrying = withRetries(options.db, { ...defaultRetry, ...options.retry });
  const warm = options.warm === true ? createWarm(retrying) : null;
  const db = warm ? withWarm(retrying, warm) : retrying;
  return {
    invocation: (fn) => (warm ? warm.invocation(fn) : fn()),
    campaigns: campaignStore(db),
    people: peopleStore(db),
    posts: postStore(db, newId),
    standings: standingsStore(db),
    notifications: notificationStore(db),
    tasks: taskStore(db),
    reviews: reviewStore(db),
    social: socialStore(db),
  };
}
