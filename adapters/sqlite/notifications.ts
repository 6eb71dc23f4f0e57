/**
 * The notifications slice in SQLite. The in-app list: the dedupe key is UNIQUE, so `add` is one INSERT … ON CONFLICT
 * DO NOTHING whose change count says whether it was new; a channel's outcome is one json_set; the list
 * pages by keyset on (created_at, seq), newest first.
 */
import type { Database } from 'better-sqlite3';
import type { NotificationKind } from '../../core/contract';
import type {
  NotificationPage,
  NotificationRecord,
  NotificationStore,
} from '../../core/app/notifications/store';
import { creditQueries } from './credits';
import { decodeCursor, encodeCursor, feedStart } from './cursor';

interface NotificationRow {
  seq: number;
  id: string;
  user_id: string;
  city_id: string;
  campaign_id: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  subject_id: string;
  dedupe_key: string;
  created_at: number;
  read_at: number | null;
  channels: string;
}

const toNotification = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  subjectId: r.subject_id,
  dedupeKey: r.dedupe_key,
  createdAt: r.created_at,
  readAt: r.read_at,
  channels: JSON.parse(r.channels) as Record<string, string>,
});

export function notificationStore(db: Database): NotificationStore {
  const insert = db.prepare(`
    INSERT INTO notifications (id, user_id, city_id, campaign_id, kind, title, body, subject_id, dedupe_key, created_at,
      read_at, channels)
    VALUES (@id, @userId, @cityId, @campaignId, @kind, @title, @body, @subjectId, @dedupeKey, @createdAt, @readAt, @channels)
    ON CONFLICT DO NOTHING`);
  // The channel name is a JSON object key, quoted in the path so any name is one key.
  const setChannel = db.prepare<[string, string, string]>(
    `UPDATE notifications SET channels = json_set(channels, '$."' || ? || '"', ?) WHERE id = ?`,
  );
  const page = db.prepare<[string, number, number, number], NotificationRow>(`
    SELECT * FROM notifications WHERE user_id = ? AND (created_at, seq) < (?, ?)
    ORDER BY created_at DESC, seq DESC LIMIT ?`);
  // The keys travel as one JSON array: no limit on bound parameters, one statement for any number.
  const stored = db.prepare<[string], { dedupe_key: string }>(
    'SELECT dedupe_key FROM notifications WHERE dedupe_key IN (SELECT value FROM json_each(?))',
  );
  const unread = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
  );
  const readAll = db.prepare<[number, string]>(
    'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
  );
  const readOne = db.prepare<[number, string, string]>(
    'UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
  );
  const readSome = db.transaction((userId: string, ids: string[], at: number) => {
    for (const id of ids) readOne.run(at, userId, id);
  });
  const credits = creditQueries(db);

  const list = (q: { userId: string; cursor?: string; limit: number }): NotificationPage => {
    const from = q.cursor === undefined ? feedStart : decodeCursor(q.cursor);
    if (!from) return { items: [], nextCursor: null };
    const rows = page.all(q.userId, from.createdMs, from.seq, q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    const more = rows.length > q.limit && last !== undefined;
    return {
      items: items.map(toNotification),
      nextCursor: more ? encodeCursor({ createdMs: last.created_at, seq: last.seq }) : null,
    };
  };

  return {
    addNotification: async (n) => insert.run({ ...n, channels: JSON.stringify(n.channels) }).changes === 1,
    storedDedupeKeys: async (keys) =>
      new Set(keys.length === 0 ? [] : stored.all(JSON.stringify(keys)).map((r) => r.dedupe_key)),
    setNotificationChannel: async (id, channel, outcome) =>
      void setChannel.run(channel.replaceAll('"', ''), outcome, id),
    listNotifications: async (q) => list(q),
    countUnread: async (userId) => unread.get(userId)?.n ?? 0,
    markRead: async (userId, ids, at) => {
      if (ids === undefined) readAll.run(at, userId);
      else readSome.immediate(userId, ids, at);
    },
    addSubscribeCredits: async (userId, deltas) => credits.add(userId, deltas),
  };
}
