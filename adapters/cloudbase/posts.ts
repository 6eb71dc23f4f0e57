/**
 * The feed on the cloud database: newest first by the time posted, ties broken by the post's sequence
 * number (later written first). The cursor is the (createdMs, seq) of the last post of a page; the next
 * page asks for what sorts after it, so pages neither skip nor repeat while new posts arrive. A limit
 * above the 100-document cap is read in several queries.
 */
import type { PostPage, PostRecord } from '../../core/app/ports';
import { collections as C } from './collections';
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

export async function listPosts(
  db: WxDatabase,
  query: { campaignId: string; unitId?: string; cursor?: string; limit: number },
): Promise<PostPage> {
  const _ = db.command;
  const limit = Math.max(1, Math.floor(query.limit));
  let after: Position | null = null;
  if (query.cursor !== undefined) {
    after = decode(query.cursor);
    // A cursor this store never gave out: an empty last page, rather than the feed from the top again.
    if (!after) return { items: [], nextCursor: null };
  }
  const base = {
    campaignId: query.campaignId,
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
  };

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
      .collection(C.posts)
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
  return {
    items: page.map((d) => d.record as PostRecord),
    nextCursor: docs.length > limit && lastOfPage ? encode(position(lastOfPage)) : null,
  };
}
