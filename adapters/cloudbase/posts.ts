/**
 * The feed on the cloud database: newest first by the time posted, ties broken by the post's sequence
 * number (later written first), paged by ./newest.ts.
 */
import type { PostPage, PostRecord } from '../../core/app/ports';
import { collections as C } from './collections';
import { pageNewest } from './newest';
import type { WxDatabase } from './wx-types';

export async function listPosts(
  db: WxDatabase,
  query: { campaignId: string; unitId?: string; cursor?: string; limit: number },
): Promise<PostPage> {
  const base = {
    campaignId: query.campaignId,
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
  };
  const { docs, nextCursor } = await pageNewest(db, C.posts, base, query);
  return { items: docs.map((d) => d.record as PostRecord), nextCursor };
}
