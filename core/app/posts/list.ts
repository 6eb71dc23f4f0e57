/** `post.list`: the feed of the current campaign, or of one unit, newest first, page by page. */
import { fail, ok, type Post } from '../../contract';
import { callerCampaign } from '../campaigns/view';
import type { CampaignView } from '../campaigns/view';
import type { Route } from '../context';
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

export const postList: Route<'post.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (input.unitId !== undefined && !view.unitById.has(input.unitId)) {
      return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    }
    const page = await ctx.deps.store.posts.listPosts({
      campaignId: view.data.campaign.id,
      limit: input.limit,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.cursor !== undefined ? { cursor: input.cursor } : {}),
    });
    const url = await photoUrls(ctx, page.items);
    return ok({ items: page.items.map((p) => postOut(p, view, url)), nextCursor: page.nextCursor });
  },
};
