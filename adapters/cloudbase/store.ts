/**
 * The Store port on the WeChat cloud database (wx-server-sdk 4.x): `createCloudStore({ db })` with the
 * host's `cloud.database()`, composed of one file per slice (./campaigns.ts, ./people.ts, ./posts.ts,
 * ./standings.ts, ./notifications.ts). Collections and document shapes: ./collections.ts; the post path:
 * ./commit-post.ts.
 * Functions use admin rights; clients are locked out by ./security-rules.json; ./indexes.json lists the
 * indexes the queries need.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/app/store';
import { campaignStore } from './campaigns';
import { notificationStore } from './notifications';
import { peopleStore } from './people';
import { postStore } from './posts';
import { standingsStore } from './standings';
import { defaultRetry, withRetries, type RetryPolicy } from './transaction';
import type { WxDatabase } from './wx-types';

export interface CloudStoreOptions {
  db: WxDatabase;
  /** Ids of new posts (default: random). */
  newId?: () => string;
  /** How every transaction retries conflicts (./transaction.ts). */
  retry?: Partial<RetryPolicy>;
}

export function createCloudStore(options: CloudStoreOptions): Store {
  const newId = options.newId ?? (() => randomUUID().replace(/-/g, ''));
  const db = withRetries(options.db, { ...defaultRetry, ...options.retry });
  return {
    campaigns: campaignStore(db),
    people: peopleStore(db),
    posts: postStore(db, newId),
    standings: standingsStore(db),
    notifications: notificationStore(db),
  };
}
