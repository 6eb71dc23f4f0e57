/**
 * The Store port on SQLite (better-sqlite3): opens the file, applies the migrations, prepares every
 * statement once, and answers the port's async methods from synchronous calls.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Store } from '../../core/app/ports';
import { campaignQueries } from './campaigns';
import { figureQueries } from './figures';
import { inviteQueries } from './invites';
import { migrate, readMigrations } from './migrate';
import { notificationQueries } from './notifications';
import { openDatabase } from './open';
import { peopleQueries } from './people';
import { photoCheckQueries } from './photo-checks';
import { postQueries } from './posts';

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
  const campaigns = campaignQueries(db);
  const people = peopleQueries(db);
  const posts = postQueries(db, options.newId ?? randomUUID);
  const figures = figureQueries(db);
  const invites = inviteQueries(db);
  const notes = notificationQueries(db);
  const photoChecks = photoCheckQueries(db);

  // `async` turns a thrown error (a constraint, a failing decide) into a rejected promise, as callers expect.
  const store: Store = {
    saveCampaign: async (data) => campaigns.save(data),
    loadCampaign: async (campaignId) => campaigns.load(campaignId),
    getCurrentCampaignId: async () => campaigns.currentId(),
    setCurrentCampaignId: async (campaignId) => campaigns.setCurrentId(campaignId),

    putUser: async (user) => people.putUser(user),
    getUser: async (userId) => people.getUser(userId),
    listUsers: async (filter) => people.listUsers(filter),
    putSession: async (session) => people.putSession(session),
    getSession: async (token) => people.getSession(token),
    deleteSession: async (token) => people.deleteSession(token),

    commitPost: async (draft, decide) => posts.commit(draft, decide),
    listPosts: async (query) => posts.list(query),
    latestFigures: async (campaignId) => figures.latest(campaignId),
    figuresAsOf: async (campaignId, day) => figures.asOf(campaignId, day),
    unitDailyFigures: async (campaignId, unitId) => figures.unitDaily(campaignId, unitId),
    dataVersion: async (campaignId) => figures.dataVersion(campaignId),
    campaignVersion: async (campaignId) => figures.campaignVersion(campaignId),
    lastPostDays: async (campaignId) => posts.lastPostDays(campaignId),

    getUserByOpenid: async (openid) => people.getUserByOpenid(openid),
    getUserByAccount: async (account) => people.getUserByAccount(account),
    createInvite: async (invite) => invites.create(invite),
    redeemInvite: async (code, userId, at) => invites.redeem(code, userId, at),
    deleteUserSessions: async (userId) => people.deleteUserSessions(userId),

    addNotification: async (n) => notes.add(n),
    setNotificationChannel: async (id, channel, outcome) => notes.setChannel(id, channel, outcome),
    listNotifications: async (query) => notes.list(query),
    countUnread: async (userId) => notes.countUnread(userId),
    markRead: async (userId, ids, at) => notes.markRead(userId, ids, at),
    addSubscribeCredits: async (userId, deltas) => people.addSubscribeCredits(userId, deltas),
    storedDedupeKeys: async (keys) => notes.storedKeys(keys),

    addPhotoChecks: async (checks) => photoChecks.add(checks),
    getPhotoCheck: async (traceId) => photoChecks.get(traceId),
    flagPost: async (postId, hidePhoto) => photoChecks.flag(postId, hidePhoto),
  };

  return {
    store,
    db,
    close: () => {
      if (db.open) db.close();
    },
  };
}
