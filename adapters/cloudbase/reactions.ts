/**
 * A post's reactions document, `post_reactions/{campaign:post}`: its like and comment counts and its
 * 经验做法 mark together, so that a page of the feed reads every post's reactions in one query
 * (./social.ts). Each change reads the document and writes it back inside the caller's transaction: two
 * changes at once both write it, the server refuses the second writer and ./transaction.ts runs it again
 * on the first one's result, so no count is lost or counted twice. The document carries the mark's time
 * and tracks beside the mark itself, for the list of marks and its index (./exemplars.ts).
 */
import type { ExemplarRecord } from '../../core/app/social/store';
import { collections as C, docId } from './collections';
import { stamped } from './schema';
import { readCurrent } from './task-docs';
import type { WxData, WxTransaction } from './wx-types';

export interface Reactions {
  likes: number;
  comments: number;
  exemplar: ExemplarRecord | null;
}

export const reactionsId = (campaignId: string, postId: string): string => docId(campaignId, postId);

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** What a stored document says; a post nobody reacted to has no document: zeros and no mark. */
export function reactionsOf(doc: WxData | null | undefined): Reactions {
  if (!doc) return { likes: 0, comments: 0, exemplar: null };
  const exemplar = (doc.exemplar ?? null) as ExemplarRecord | null;
  return { likes: count(doc.likes), comments: count(doc.comments), exemplar };
}

function reactionsDoc(campaignId: string, postId: string, r: Reactions): WxData {
  const { exemplar } = r;
  return stamped({
    campaignId,
    postId,
    likes: r.likes,
    comments: r.comments,
    marked: exemplar !== null,
    markedAt: exemplar?.at ?? 0,
    trackIds: exemplar?.trackIds ?? [],
    exemplar,
  });
}

/**
 * In the transaction `t`: the post's reactions after `change` (which answers null to leave them as they
 * are, writing nothing).
 */
export async function changeReactions(
  t: WxTransaction,
  campaignId: string,
  postId: string,
  change: (current: Reactions) => Reactions | null,
): Promise<Reactions> {
  const ref = t.collection(C.postReactions).doc(reactionsId(campaignId, postId));
  const current = reactionsOf(await readCurrent(C.postReactions, ref));
  const next = change(current);
  if (next === null) return current;
  await ref.set({ data: reactionsDoc(campaignId, postId, next) });
  return next;
}
