/**
 * The social slice on the cloud database (DOMAIN.md "学"): likes here, comments in ./comments.ts, 经验做法
 * marks in ./exemplars.ts, each post's counts and mark in its reactions document (./reactions.ts). None
 * of it touches the figures or the data version: no reaction can move a score.
 *
 * A like is a document `likes/{campaign:post:user}`: setting one is writing it, clearing one removing it,
 * in one transaction with the post's count, which reads the like first, so setting twice (even at once)
 * counts once. A page of the feed costs two queries whatever the likes: the page's reactions documents
 * by `_id`, and the caller's likes among those posts by `_id` (ids the store makes, so no index is needed).
 */
import type { PostSocial, SocialStore } from '../../core/app/social/store';
import { collections as C, docId } from './collections';
import { addComment, listComments } from './comments';
import { listExemplars, setExemplar } from './exemplars';
import { changeReactions, reactionsId, reactionsOf } from './reactions';
import { readByIds } from './reads';
import { stamped } from './schema';
import { current, readCurrent } from './task-docs';
import type { WxDatabase } from './wx-types';

const likeId = (campaignId: string, postId: string, userId: string) => docId(campaignId, postId, userId);

async function setLike(
  db: WxDatabase,
  campaignId: string,
  postId: string,
  userId: string,
  on: boolean,
  at: number,
): Promise<{ likes: number; likedByMe: boolean }> {
  return db.runTransaction(async (t) => {
    const ref = t.collection(C.likes).doc(likeId(campaignId, postId, userId));
    const liked = (await readCurrent(C.likes, ref)) !== null;
    const after = await changeReactions(t, campaignId, postId, (r) =>
      liked === on ? null : { ...r, likes: Math.max(0, r.likes + (on ? 1 : -1)) },
    );
    if (liked !== on) {
      if (on) await ref.set({ data: stamped({ campaignId, postId, userId, at }) });
      else await ref.remove();
    }
    return { likes: after.likes, likedByMe: on };
  });
}

async function socialOf(
  db: WxDatabase,
  campaignId: string,
  postIds: readonly string[],
  userId: string,
): Promise<Map<string, PostSocial>> {
  const out = new Map<string, PostSocial>();
  if (postIds.length === 0) return out;
  const [reactions, likes] = await Promise.all([
    readByIds(
      db,
      C.postReactions,
      postIds.map((p) => reactionsId(campaignId, p)),
    ),
    readByIds(
      db,
      C.likes,
      postIds.map((p) => likeId(campaignId, p, userId)),
    ),
  ]);
  const byPost = new Map(reactions.map((d) => [String(d.postId), current(C.postReactions, d)] as const));
  const liked = new Set(likes.map((d) => String(current(C.likes, d).postId)));
  for (const postId of postIds) {
    const { likes: count, comments, exemplar } = reactionsOf(byPost.get(postId));
    out.set(postId, { likes: count, likedByMe: liked.has(postId), comments, exemplar });
  }
  return out;
}

export const socialStore = (db: WxDatabase): SocialStore => ({
  setLike: (campaignId, postId, userId, on, at) => setLike(db, campaignId, postId, userId, on, at),
  addComment: (comment) => addComment(db, comment),
  listComments: (campaignId, postId) => listComments(db, campaignId, postId),
  socialOf: (campaignId, postIds, userId) => socialOf(db, campaignId, postIds, userId),
  setExemplar: (campaignId, postId, exemplar) => setExemplar(db, campaignId, postId, exemplar),
  listExemplars: (campaignId, query) => listExemplars(db, campaignId, query),
});
