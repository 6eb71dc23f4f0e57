/**
 * Image checks in memory (issue 7): trace id → (post, photo), and flagging a post with one of its photos
 * hidden. A flag changes the stored post in place, so the feed and a replayed request both see it.
 */
import type { PhotoCheckRecord, PostRecord } from '../../core/app/ports';

export function createPhotoChecks(postById: (postId: string) => PostRecord | undefined) {
  const checks = new Map<string, PhotoCheckRecord>();
  return {
    add(list: readonly PhotoCheckRecord[]): void {
      for (const c of list) checks.set(c.traceId, { ...c });
    },
    get(traceId: string): PhotoCheckRecord | null {
      const c = checks.get(traceId);
      return c ? { ...c } : null;
    },
    flag(postId: string, hidePhoto?: string): boolean {
      const post = postById(postId);
      if (!post) return false;
      if (hidePhoto !== undefined) {
        if (!post.photos.includes(hidePhoto)) return false;
        const hidden = post.hiddenPhotos ?? [];
        if (!hidden.includes(hidePhoto)) post.hiddenPhotos = [...hidden, hidePhoto];
      }
      post.flagged = true;
      return true;
    },
  };
}
