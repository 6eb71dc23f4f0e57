/**
 * The feed's cards in time order: posts and the published 通报 (`post.list`'s `notices`, each page's
 * falling between its posts) merged newest first, a 通报 seen twice (a refreshed page) shown once.
 */
import type { Post, ReviewNotice } from '../../core/contract';

export type FeedItem =
  { kind: 'post'; post: Post; at: number } | { kind: 'notice'; notice: ReviewNotice; at: number };

export function feedItems(posts: readonly Post[], notices: readonly ReviewNotice[]): FeedItem[] {
  const seen = new Set<string>();
  const items: FeedItem[] = posts.map((post) => ({ kind: 'post', post, at: Date.parse(post.createdAt) }));
  for (const notice of notices) {
    if (seen.has(notice.reviewId)) continue;
    seen.add(notice.reviewId);
    items.push({ kind: 'notice', notice, at: Date.parse(notice.publishedAt) });
  }
  // Stable: posts keep the server's order among themselves; a 通报 goes above the posts before it.
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        b.item.at - a.item.at ||
        (a.item.kind === 'notice' ? -1 : 0) - (b.item.kind === 'notice' ? -1 : 0) ||
        a.i - b.i,
    )
    .map(({ item }) => item);
}

/** The first lines of a 通报's 按语 for its card: about two lines on a phone. */
export function noteExcerpt(note: string, max = 60): string {
  const flat = note.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
