/**
 * The posts slice on the cloud database: the post transaction (./commit-post.ts); the feed, newest first
 * by the time posted, ties broken by `seq` (later written first: the microsecond the store wrote the post;
 * the campaign's post count in posts of older programs), paged by ./newest.ts; each unit's last post day,
 * kept in its head in the version document (./versions.ts), or on an older program's latest document;
 * image checks and flags (./photo-checks.ts); posts by id (a page of the 学 view's marks), 100 to a query.
 */
import type { Day } from '../../core/contract';
import type { PostPage, PostRecord, PostStore } from '../../core/app/posts/store';
import { collections as C } from './collections';
import { commitPost } from './commit-post';
import { lastPostDay } from './figure-docs';
import { pageNewest } from './newest';
import { addPhotoChecks, flagPost, getPhotoCheck } from './photo-checks';
import { readAll, readByIds } from './reads';
import { readHeads } from './versions';
import type { WxDatabase } from './wx-types';

async function listPosts(
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

async function getPosts(db: WxDatabase, campaignId: string, ids: readonly string[]): Promise<PostRecord[]> {
  const docs = await readByIds(db, C.posts, ids, { campaignId });
  return docs.map((d) => d.record as PostRecord);
}

async function lastPostDays(db: WxDatabase, campaignId: string): Promise<Map<string, Day>> {
  const { heads, older } = await readHeads(db, campaignId);
  const out = new Map<string, Day>([...heads].map(([unitId, head]) => [unitId, head.last]));
  if (older)
    for (const d of await readAll(db, C.latestFigures, { campaignId })) {
      const day = lastPostDay(d);
      if (day !== null && !out.has(String(d.unitId))) out.set(String(d.unitId), day);
    }
  return out;
}

export const postStore = (db: WxDatabase, newId: () => string): PostStore => ({
  commitPost: (draft, decide) => commitPost(db, newId, draft, decide),
  listPosts: (query) => listPosts(db, query),
  getPosts: (campaignId, ids) => getPosts(db, campaignId, ids),
  lastPostDays: (campaignId) => lastPostDays(db, campaignId),
  addPhotoChecks: (checks) => addPhotoChecks(db, checks),
  getPhotoCheck: (traceId) => getPhotoCheck(db, traceId),
  flagPost: (postId, hidePhoto) => flagPost(db, postId, hidePhoto),
});
