/**
 * The in-memory feed of one campaign: posts kept sorted newest first by the time posted, ties
 * newest written first, so a page is a slice. The cursor is the last post's position; one that
 * does not decode is the end of the feed (as on SQLite).
 */
import type { PostPage, PostRecord } from '../../core/app/ports';

interface Entry {
  ms: number;
  seq: number;
  post: PostRecord;
}

/** Negative when `a` comes first in the feed. */
const order = (a: Pick<Entry, 'ms' | 'seq'>, b: Pick<Entry, 'ms' | 'seq'>): number =>
  b.ms - a.ms || b.seq - a.seq;

export function createFeed() {
  const entries: Entry[] = [];

  /** Index of the first entry that comes after `pos` in feed order. */
  const after = (pos: Pick<Entry, 'ms' | 'seq'>): number => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(entries[mid]!, pos) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    add(post: PostRecord, seq: number): void {
      const entry = { ms: Date.parse(post.createdAt), seq, post };
      entries.splice(after(entry), 0, entry);
    },
    page(query: { unitId?: string; cursor?: string; limit: number }): PostPage {
      let start = 0;
      if (query.cursor !== undefined) {
        const pos = decode(query.cursor);
        if (!pos) return { items: [], nextCursor: null };
        start = after(pos);
      }
      const items: Entry[] = [];
      let more = false;
      for (let i = start; i < entries.length; i += 1) {
        const e = entries[i]!;
        if (query.unitId !== undefined && e.post.unitId !== query.unitId) continue;
        if (items.length === query.limit) {
          more = true;
          break;
        }
        items.push(e);
      }
      const last = items[items.length - 1];
      return {
        items: items.map((e) => structuredClone(e.post)),
        nextCursor: more && last ? encode(last) : null,
      };
    },
  };
}

function encode(e: Pick<Entry, 'ms' | 'seq'>): string {
  return `${e.ms}.${e.seq}`;
}

function decode(cursor: string): Pick<Entry, 'ms' | 'seq'> | null {
  const m = /^(-?\d{1,16})\.(\d{1,16})$/.exec(cursor);
  if (!m) return null;
  const ms = Number(m[1]);
  const seq = Number(m[2]);
  return Number.isSafeInteger(ms) && Number.isSafeInteger(seq) ? { ms, seq } : null;
}
