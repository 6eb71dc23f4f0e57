/**
 * The notifications slice on the cloud database (stored keys: ./reminder-keys.ts; a user's credits:
 * ./user-doc.ts). The in-app notification list: A reminder is stored at most once: its dedupe key
 * is a document of its own (`notification_keys/{key}`), read and written in the transaction that writes
 * the notification, so a timer fired twice, or a run retried, finds the key and inserts nothing. The same
 * transaction takes the user's next `seq` from their inbox document, which orders notifications made in
 * the same millisecond (the cron writes many at one instant). Every read of a notification goes through
 * ./schema.ts; `setNotificationChannel` and marking read update fields both versions share, so they
 * leave a document's version as it was.
 */
import type {
  NotificationPage,
  NotificationRecord,
  NotificationStore,
} from '../../core/app/notifications/store';
import { collections as C, docId } from './collections';
import { pageNewest } from './newest';
import { inBatches, readDoc } from './reads';
import { storedDedupeKeys } from './reminder-keys';
import { readAllVersioned, readVersioned, stamped, upgraded } from './schema';
import { addSubscribeCredits } from './user-doc';
import type { WxData, WxDatabase } from './wx-types';

async function addNotification(db: WxDatabase, n: NotificationRecord): Promise<boolean> {
  return db.runTransaction(async (t) => {
    const keyRef = t.collection(C.notificationKeys).doc(docId(n.dedupeKey));
    if (await readDoc(keyRef)) return false;
    const inboxRef = t.collection(C.inboxes).doc(docId(n.userId));
    const seq = Number((await readDoc(inboxRef))?.seq ?? 0) + 1;
    await inboxRef.set({ data: { seq } });
    await keyRef.set({ data: { id: n.id, userId: n.userId } });
    await t
      .collection(C.notifications)
      .doc(docId(n.id))
      .set({
        data: stamped({
          userId: n.userId,
          createdMs: n.createdAt,
          seq,
          unread: n.readAt === null,
          record: n,
        }),
      });
    return true;
  });
}

/** Channel names become a field path: keep them to plain words. */
const CHANNEL = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

async function setNotificationChannel(
  db: WxDatabase,
  id: string,
  channel: string,
  outcome: string,
): Promise<void> {
  if (!CHANNEL.test(channel)) throw new Error(`setNotificationChannel: bad channel name "${channel}"`);
  // A nested object updates that one field and keeps the other channels' outcomes.
  await db
    .collection(C.notifications)
    .doc(docId(id))
    .update({ data: { record: { channels: { [channel]: outcome } } } });
}

async function listNotifications(
  db: WxDatabase,
  query: { userId: string; cursor?: string; limit: number },
): Promise<NotificationPage> {
  const { docs, nextCursor } = await pageNewest(db, C.notifications, { userId: query.userId }, query);
  return {
    items: docs.map((d) => upgraded(C.notifications, d).record as NotificationRecord),
    nextCursor,
  };
}

async function countUnread(db: WxDatabase, userId: string): Promise<number> {
  return (await db.collection(C.notifications).where({ userId, unread: true }).count()).total;
}

const markOne = (db: WxDatabase, doc: WxData, at: number) =>
  db
    .collection(C.notifications)
    .doc(String(doc._id))
    .update({ data: { unread: false, record: { readAt: at } } });

async function markRead(
  db: WxDatabase,
  userId: string,
  ids: string[] | undefined,
  at: number,
): Promise<void> {
  let docs: WxData[];
  if (ids === undefined) {
    docs = await readAllVersioned(db, C.notifications, { userId, unread: true });
  } else {
    const found: Array<WxData | null> = [];
    await inBatches([...new Set(ids)], 10, async (id) => {
      found.push(await readVersioned(C.notifications, db.collection(C.notifications).doc(docId(id))));
    });
    // Another user's ids are ignored, not marked: ids come from the client.
    docs = found.filter((d): d is WxData => d !== null && d.userId === userId && d.unread === true);
  }
  await inBatches(docs, 10, (d) => markOne(db, d, at));
}

export const notificationStore = (db: WxDatabase): NotificationStore => ({
  addNotification: (n) => addNotification(db, n),
  storedDedupeKeys: (keys) => storedDedupeKeys(db, keys),
  setNotificationChannel: (id, channel, outcome) => setNotificationChannel(db, id, channel, outcome),
  listNotifications: (query) => listNotifications(db, query),
  countUnread: (userId) => countUnread(db, userId),
  markRead: (userId, ids, at) => markRead(db, userId, ids, at),
  addSubscribeCredits: (userId, deltas) => addSubscribeCredits(db, userId, deltas),
});
