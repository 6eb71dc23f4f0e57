/**
 * Image checks on the cloud database (issue 7): `photo_checks/{traceId}` remembers which photo of which
 * post a mediaCheckAsync call is about, and flagging rewrites the post's record in a transaction, so two
 * verdicts on one post never lose each other's hidden photo (the store's `db` retries conflicts:
 * ./transaction.ts).
 */
import type { PhotoCheckRecord, PostRecord } from '../../core/app/posts/store';
import { collections as C, docId } from './collections';
import { inBatches, readDoc } from './reads';
import type { WxDatabase } from './wx-types';

export async function addPhotoChecks(db: WxDatabase, checks: PhotoCheckRecord[]): Promise<void> {
  await inBatches(checks, 10, (c) =>
    db
      .collection(C.photoChecks)
      .doc(docId(c.traceId))
      .set({ data: { postId: c.postId, createdMs: c.createdAt, record: c } }),
  );
}

export async function getPhotoCheck(db: WxDatabase, traceId: string): Promise<PhotoCheckRecord | null> {
  const doc = await readDoc(db.collection(C.photoChecks).doc(docId(traceId)));
  return doc ? (doc.record as PhotoCheckRecord) : null;
}

/** The record flagged (and `hidePhoto` hidden), or null when the post has no such photo. */
function flagged(post: PostRecord, hidePhoto: string | undefined): PostRecord | null {
  if (hidePhoto === undefined) return { ...post, flagged: true };
  if (!post.photos.includes(hidePhoto)) return null;
  const hidden = post.hiddenPhotos ?? [];
  return { ...post, flagged: true, hiddenPhotos: hidden.includes(hidePhoto) ? hidden : [...hidden, hidePhoto] };
}

export function flagPost(db: WxDatabase, postId: string, hidePhoto?: string): Promise<boolean> {
  return db.runTransaction(async (t) => {
    const ref = t.collection(C.posts).doc(postId);
    const doc = await readDoc(ref);
    if (!doc) return false;
    const next = flagged(doc.record as PostRecord, hidePhoto);
    if (!next) return false;
    const { _id: _ignored, ...fields } = doc;
    await ref.set({ data: { ...fields, record: next } });
    return true;
  });
}
