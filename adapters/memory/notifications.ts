/**
 * The in-app notification list in memory: one entry per dedupe key, listed newest first (ties: the one
 * written later first), paged by a cursor that is the last item's position.
 */
import type { NotificationPage, NotificationRecord } from '../../core/app/ports';

interface Position {
  ms: number;
  seq: number;
}
interface Entry extends Position {
  n: NotificationRecord;
}

const copy = (n: NotificationRecord): NotificationRecord => ({ ...n, channels: { ...n.channels } });
/** Negative when `a` comes first. */
const order = (a: Position, b: Position): number => b.ms - a.ms || b.seq - a.seq;

export function createNotifications() {
  const byId = new Map<string, Entry>();
  const keys = new Set<string>();
  let seq = 0;

  const mine = (userId: string): Entry[] => [...byId.values()].filter((e) => e.n.userId === userId);

  return {
    add(n: NotificationRecord): boolean {
      if (keys.has(n.dedupeKey) || byId.has(n.id)) return false;
      keys.add(n.dedupeKey);
      byId.set(n.id, { ms: n.createdAt, seq: (seq += 1), n: copy(n) });
      return true;
    },
    storedKeys(wanted: readonly string[]): Set<string> {
      return new Set(wanted.filter((k) => keys.has(k)));
    },
    setChannel(id: string, channel: string, outcome: string): void {
      const e = byId.get(id);
      if (e) e.n.channels[channel] = outcome;
    },
    list(query: { userId: string; cursor?: string; limit: number }): NotificationPage {
      let all = mine(query.userId).sort(order);
      if (query.cursor !== undefined) {
        const m = /^(-?\d{1,16})\.(\d{1,16})$/.exec(query.cursor);
        if (!m) return { items: [], nextCursor: null };
        const pos: Position = { ms: Number(m[1]), seq: Number(m[2]) };
        all = all.filter((e) => order(e, pos) > 0);
      }
      const items = all.slice(0, query.limit);
      const last = items[items.length - 1];
      const more = all.length > query.limit && last !== undefined;
      return { items: items.map((e) => copy(e.n)), nextCursor: more ? `${last.ms}.${last.seq}` : null };
    },
    countUnread(userId: string): number {
      return mine(userId).filter((e) => e.n.readAt === null).length;
    },
    markRead(userId: string, ids: string[] | undefined, at: number): void {
      const wanted = ids === undefined ? null : new Set(ids);
      for (const e of mine(userId)) {
        if (e.n.readAt === null && (wanted === null || wanted.has(e.n.id))) e.n.readAt = at;
      }
    },
  };
}
