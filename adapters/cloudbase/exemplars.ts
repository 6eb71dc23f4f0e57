/**
 * Posts marked 经验做法 on the cloud database. The mark lives in the post's reactions document
 * (./reactions.ts), so a feed page reads it with the counts; marking, re-marking and unmarking rewrite
 * that document in a transaction. The list reads the marked documents, newest mark first (`markedAt`,
 * ties by `_id`, later first), of a track when asked (`trackIds` holds it: an array field matches any of
 * its elements, on a multikey index). The cursor is the (markedAt, postId) of a page's last mark, and the
 * next page asks for what sorts after it, so pages neither skip nor repeat while marks are added; a
 * limit above a query's 100 documents is read in several queries.
 */
import type { ExemplarPage, ExemplarRecord } from '../../core/app/social/store';
import { collections as C } from './collections';
import { changeReactions, reactionsId } from './reactions';
import { PAGE } from './reads';
import { current } from './task-docs';
import type { WxData, WxDatabase } from './wx-types';

export async function setExemplar(
  db: WxDatabase,
  campaignId: string,
  postId: string,
  exemplar: ExemplarRecord | null,
): Promise<void> {
  // Misuse, not a refusal: a mark filed under another post would never be found where it was asked for.
  if (exemplar && (exemplar.campaignId !== campaignId || exemplar.postId !== postId))
    throw new Error(
      `经验做法标记属于「${exemplar.campaignId}/${exemplar.postId}」，不是「${campaignId}/${postId}」，未保存。`,
    );
  await db.runTransaction((t) =>
    // Unmarking a post that has no mark writes nothing.
    changeReactions(t, campaignId, postId, (r) =>
      exemplar === null && r.exemplar === null ? null : { ...r, exemplar },
    ),
  );
}

interface Position {
  at: number;
  postId: string;
}

const encode = (p: Position) => `${p.at}_${p.postId}`;

function decode(cursor: string): Position | null {
  const m = /^(-?\d{1,16})_(.+)$/s.exec(cursor);
  return m ? { at: Number(m[1]), postId: m[2]! } : null;
}

const position = (doc: WxData): Position => ({ at: Number(doc.markedAt), postId: String(doc.postId) });

export async function listExemplars(
  db: WxDatabase,
  campaignId: string,
  query: { trackId?: string; cursor?: string; limit: number },
): Promise<ExemplarPage> {
  const _ = db.command;
  const limit = Math.max(1, Math.floor(query.limit));
  const base = {
    campaignId,
    marked: true,
    ...(query.trackId !== undefined ? { trackIds: query.trackId } : {}),
  };
  let after: Position | null = null;
  if (query.cursor !== undefined) {
    after = decode(query.cursor);
    // A cursor this store never gave out: an empty last page, rather than the list from the top again.
    if (!after) return { items: [], nextCursor: null };
  }

  const docs: WxData[] = [];
  while (docs.length <= limit) {
    const want = Math.min(PAGE, limit + 1 - docs.length);
    const where: object = after
      ? _.and([
          base,
          _.or([
            { markedAt: _.lt(after.at) },
            { markedAt: after.at, _id: _.lt(reactionsId(campaignId, after.postId)) },
          ]),
        ])
      : base;
    const { data } = await db
      .collection(C.postReactions)
      .where(where)
      .orderBy('markedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(want)
      .get();
    docs.push(...data.map((d) => current(C.postReactions, d)));
    const last = data[data.length - 1];
    if (data.length < want || !last) break;
    after = position(last);
  }

  const page = docs.slice(0, limit);
  const lastOfPage = page[page.length - 1];
  return {
    items: page.map((d) => d.exemplar as ExemplarRecord),
    nextCursor: docs.length > limit && lastOfPage ? encode(position(lastOfPage)) : null,
  };
}
