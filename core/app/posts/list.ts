/** `post.list`: the feed of the current campaign, or of one unit, newest first, page by page. */
import { fail, ok, type FeedPost, type Post } from '../../contract';
import { isoOf } from '../../domain/days';
import { callerCampaign } from '../campaigns/view';
import { epochOf } from '../../domain/days';
import { feedNotices } from '../notices';
import type { CampaignView } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import type { PostSocial } from '../social/store';
import { photosOut, photoUrls, type PhotoUrls } from './photos';
import type { PostRecord } from './store';

/** A post as readers see it (hidden photos left out, photo ids turned into URLs). */
export const postOut = (p: PostRecord, view: CampaignView, url: PhotoUrls = (id) => id): Post => ({
  id: p.id,
  unitId: p.unitId,
  unitName: view.unitById.get(p.unitId)?.name ?? p.unitId,
  authorId: p.authorId,
  authorName: p.authorName,
  createdAt: p.createdAt,
  figures: p.figures.map((f) => ({ metricId: f.metricId, value: f.value, previous: f.previous })),
  text: p.text,
  ...photosOut(p, url),
  correctionReason: p.correctionReason,
  ...(p.flagged ? { flagged: true } : {}),
});

/**
 * The cursor a page hands out is the store's own, after the time of the page's last post, so the next
 * page knows from when its 通报 notices start. A cursor without the time (kept by an older phone) still
 * pages, without notices.
 */
function readCursor(cursor: string): { store: string; afterMs: number | null } {
  const m = /^(\d{1,16})\.(.+)$/s.exec(cursor);
  return m ? { store: m[2]!, afterMs: Number(m[1]) } : { store: cursor, afterMs: null };
}

/**
 * Posts as the feed and the 学 view show them: with photo URLs and the caller's view of their reactions
 * (read in one call for the page; none of it is a figure).
 */
export async function feedPosts(ctx: UserCtx, view: CampaignView, posts: readonly PostRecord[]): Promise<FeedPost[]> {
  const [url, social] = await Promise.all([
    photoUrls(ctx, posts),
    posts.length === 0
      ? Promise.resolve(new Map<string, PostSocial>())
      : ctx.deps.store.social.socialOf(view.data.campaign.id, posts.map((p) => p.id), ctx.user.id),
  ]);
  return posts.map((p) => {
    const s = social.get(p.id);
    return {
      ...postOut(p, view, url),
      likes: s?.likes ?? 0,
      likedByMe: s?.likedByMe ?? false,
      comments: s?.comments ?? 0,
      exemplar: s?.exemplar ? { reason: s.exemplar.reason, byName: s.exemplar.byName, at: isoOf(s.exemplar.at) } : null,
    };
  });
}

export const postList: Route<'post.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (input.unitId !== undefined && !view.unitById.has(input.unitId)) {
      return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    }
    const campaignId = view.data.campaign.id;
    const from = input.cursor === undefined ? null : readCursor(input.cursor);
    // The city-wide feed shows the 通报 among the posts: their heads are read alongside the page.
    const withNotices = input.unitId === undefined && (from === null || from.afterMs !== null);
    const [page, heads] = await Promise.all([
      ctx.deps.store.posts.listPosts({
        campaignId,
        limit: input.limit,
        ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
        ...(from !== null ? { cursor: from.store } : {}),
      }),
      withNotices ? ctx.deps.store.reviews.listReviews(campaignId) : Promise.resolve(null),
    ]);
    const last = page.items.at(-1);
    const lastMs = last ? epochOf(last.createdAt) : null;
    const items = await feedPosts(ctx, view, page.items);
    const nextCursor = page.nextCursor === null ? null : `${lastMs ?? 0}.${page.nextCursor}`;
    if (input.unitId !== undefined) return ok({ items, nextCursor });
    // The 通报 published between this page's last post and the previous page's.
    const notices = heads ? feedNotices(heads, nextCursor === null ? null : lastMs, from?.afterMs ?? null) : [];
    return ok({ items, nextCursor, notices });
  },
};
