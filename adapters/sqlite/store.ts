/**
 * The Store port on SQLite (better-sqlite3): opens the file, applies the migrations, and composes the
 * slices, one file each (./campaigns.ts, ./people.ts, ./posts.ts, ./standings.ts, ./notifications.ts),
 * which prepare their statements once and answer the port's async methods from synchronous calls.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Store } from '../../core/app/store';
import { campaignStore } from './campaigns';
import { migrate, readMigrations } from './migrate';
import { notificationStore } from './notifications';
import { openDatabase } from './open';
import { peopleStore } from './people';
import { postStore } from './posts';
import { standingsStore } from './standings';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Post ids; random UUIDs by default. */
  newId?: () => string;
  /** Where the numbered `.sql` files are; ./migrations by default. */
  migrationsDir?: string;
}

export interface SqliteStore {
  store: Store;
  db: Database;
  close(): void;
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = openDatabase(options.file);
  try {
    migrate(db, readMigrations(options.migrationsDir));
  } catch (e) {
    db.close();
    throw e;
  }
  const store: Store = {
    campaigns: campaignStore(db),
    people: peopleStore(db),
    posts: postStore(db, options.newId ?? randomUUID),
    standings: standingsStore(db),
    notifications: notificationStore(db),
  };

  return {
    store,
    db,
    close: () => {
      if (db.open) db.close();
    },
  };
}
