/**
 * Newest-first pages over a collection whose documents carry `createdMs` and a `seq` that breaks ties
 * (later written first): the feed and a user's notifications. The cursor is the (createdMs, seq) of the
 * last document of a page; the next page asks for what sorts after it, so pages neither skip nor repeat
 * while new documents arrive. A limit above the 100-document cap is read in several queries.
 */
import { PAGE } from './reads';
import type { WxData, WxDatabase } from './wx-types';

interface Position {
  createdMs: number;
  seq: number;
}

const encode = (p: Position) => `${p.seq}_${p.createdMs}`;

function decode(cursor: string): Position | null {
  const m = /^(\d{1,16})_(-?\d{1,16})$/.exec(cursor);
  return m ? { seq: Number(m[1]), createdMs: Number(m[2]) } : null;
}

const position = (doc: WxData): Position => ({ createdMs: Number(doc.createdMs), seq: Number(doc.seq) });

export async function pageNewest(
  db: WxDatabase,
  collection: string,
  base: Record<string, unknown>,
  query: { cursor?: string; limit: number },
): Promise<{ docs: WxData[]; nextCursor: string | null }> {
  const _ = db.command;
  const limit = Math.max(1, Math.floor(query.limit));
  let after: Position | null = null;
  if (query.cursor !== undefined) {
    after = decode(query.cursor);
    // A cursor this store never gave out: an empty last page, rather than the list from the top again.
    if (!after) return { docs: [], nextCursor: null };
  }

  const docs: WxData[] = [];
  while (docs.length <= limit) {
    const want = Math.min(PAGE, limit + 1 - docs.length);
    const where: object = after
      ? _.and([
          base,
          _.or([{ createdMs: _.lt(after.createdMs) }, { createdMs: after.createdMs, seq: _.lt(after.seq) }]),
        ])
      : base;
    const { data } = await db
      .collection(collection)
      .where(where)
      .orderBy('createdMs', 'desc')
      .orderBy('seq', 'desc')
      .limit(want)
      .get();
    docs.push(...data);
    const last = data[data.length - 1];
    if (data.length < want || !last) break;
    after = position(last);
  }

  const page = docs.slice(0, limit);
  const lastOfPage = page[page.length - 1];
  return { docs: page, nextCursor: docs.length > limit && lastOfPage ? encode(position(lastOfPage)) : null };
}
