/**
 * Comments and 点评 on the cloud database: `comments/{campaign:author:requestId}`, the request key being
 * the id, so that a retried request is an insert the server refuses (E11000) and answers the first
 * comment. The insert and the post's comment count (./reactions.ts) are one transaction: a refused insert
 * rolls it back, so a replay never counts, and a comment never exists uncounted.
 */
import type { CommentRecord } from '../../core/app/social/store';
import { collections as C, docId } from './collections';
import { changeReactions } from './reactions';
import { stamped } from './schema';
import { isDuplicate, order, readAllCurrent, readCurrent } from './task-docs';
import type { WxDatabase } from './wx-types';

const commentId = (c: CommentRecord) => docId(c.campaignId, c.authorId, c.requestId);

/** Thrown out of the transaction to roll it back: the request key is taken. */
class Seen extends Error {}

export async function addComment(
  db: WxDatabase,
  comment: CommentRecord,
): Promise<{ comment: CommentRecord; replayed: boolean }> {
  const { campaignId, postId } = comment;
  const id = commentId(comment);
  try {
    await db.runTransaction(async (t) => {
      try {
        await t
          .collection(C.comments)
          .add({ data: { _id: id, ...stamped({ campaignId, postId, record: comment }) } });
      } catch (e) {
        throw isDuplicate(e) ? new Seen() : e;
      }
      await changeReactions(t, campaignId, postId, (r) => ({ ...r, comments: r.comments + 1 }));
    });
    return { comment, replayed: false };
  } catch (e) {
    if (!(e instanceof Seen)) throw e;
  }
  const first = await readCurrent(C.comments, db.collection(C.comments).doc(id));
  if (!first) throw new Error(`comment ${id} refused as taken but not found`);
  return { comment: first.record as CommentRecord, replayed: true };
}

/** Oldest first, by createdAt then id (one post's comments: read whole, sorted here). */
export async function listComments(
  db: WxDatabase,
  campaignId: string,
  postId: string,
): Promise<CommentRecord[]> {
  const docs = await readAllCurrent(db, C.comments, { campaignId, postId });
  return docs
    .map((d) => d.record as CommentRecord)
    .sort((a, b) => a.createdAt - b.createdAt || order(a.id, b.id));
}
