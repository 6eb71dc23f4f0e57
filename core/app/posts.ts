/**
 * 晒一晒: `post.create` (a unit's reporter or leader posts figures and text; idempotent by requestId;
 * the photos must be the author's own uploads and the text screened by the content guard first; photos are
 * submitted to the image check after the write) and `post.list` (the feed, newest first). Time and day
 * come from the Clock, in the campaign's zone.
 */
import { fail, ok, type Post } from '../contract';
import { dayOf, isoOf } from '../domain/days';
import { postingDay } from '../domain/posting-window';
import type { Route } from './context';
import { currentCampaign, type CampaignView } from './current';
import { decideFigures } from './decide-figures';
import { startPhotoChecks } from './photo-checks';
import { checkPhotoRefs, photosOut, photoUrls, type PhotoUrls } from './photos';
import { checkFigures, checkPoster } from './post-rules';
import type { PostDraft, PostRecord } from './ports';
import { screenText } from './screen';

export { decideFigures } from './decide-figures';

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

export const postCreate: Route<'post.create'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { store, clock } = ctx.deps;
    const cur = await currentCampaign(store, ctx.state.campaigns);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (!view.unitById.has(input.unitId)) return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    const forbidden = checkPoster(ctx.user, input.unitId, view);
    if (forbidden) return forbidden;
    const invalid = checkFigures(input.unitId, input.figures, input.text, view);
    if (invalid) return { ok: false, error: invalid };
    const foreign = await checkPhotoRefs(ctx, input.photos ?? []);
    if (foreign) return foreign;
    // Before the transaction: a remote check must not hold it open, and refused text writes nothing.
    const screened = await screenText(ctx, input.text);
    if (!screened.ok) return screened;

    const now = clock.now();
    const { campaign } = view.data;
    const window = postingDay(dayOf(now, campaign.timezone), campaign.endDate, campaign.lateDays);
    if (!window.open) {
      return fail(
        'CONFLICT',
        `「${campaign.name}」已于 ${window.closedAfter} 结束，结束后 ${window.lateDays} 天内可补报最终数据，现已截止，只能查看。`,
      );
    }
    const draft: PostDraft = {
      campaignId: view.data.campaign.id,
      unitId: input.unitId,
      authorId: ctx.user.id,
      authorName: ctx.user.name,
      createdAt: isoOf(now),
      // Final figures posted after the end count as of the end day.
      day: window.day,
      figures: input.figures.map((f) => ({ metricId: f.metricId, value: f.value })),
      text: input.text,
      photos: input.photos ?? [],
      correctionReason: input.correctionReason ?? null,
      requestId: input.requestId,
      ...(screened.data.flagged ? { flagged: true } : {}),
    };
    const committed = await store.commitPost(draft, decideFigures(view.data, draft));
    if (!committed.ok) return committed;
    // Photos are checked after the write: the check needs the post's id, and answers later anyway.
    const unchecked = !committed.replayed && (await startPhotoChecks(ctx.deps, ctx.user, committed.post));
    const post = unchecked ? { ...committed.post, flagged: true } : committed.post;
    return ok({ post: postOut(post, view, await photoUrls(ctx, [post])) });
  },
};

export const postList: Route<'post.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await currentCampaign(ctx.deps.store, ctx.state.campaigns);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (input.unitId !== undefined && !view.unitById.has(input.unitId)) {
      return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    }
    const page = await ctx.deps.store.listPosts({
      campaignId: view.data.campaign.id,
      limit: input.limit,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      ...(input.cursor !== undefined ? { cursor: input.cursor } : {}),
    });
    const url = await photoUrls(ctx, page.items);
    return ok({ items: page.items.map((p) => postOut(p, view, url)), nextCursor: page.nextCursor });
  },
};
