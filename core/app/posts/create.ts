/**
 * 晒一晒, `post.create`: a unit's reporter or leader posts figures and text; idempotent by requestId;
 * the photos must be the author's own uploads and the text screened by the content guard first; photos are
 * submitted to the image check after the write. Time and day come from the Clock, in the campaign's zone.
 * The figures are decided inside the store's transaction (./decide-figures.ts), never read-then-written here.
 */
import { fail, ok } from '../../contract';
import { dayOf, isoOf } from '../../domain/days';
import { postingDay } from '../../domain/posting-window';
import type { Route } from '../context';
import { callerCampaign } from '../campaigns/view';
import { decideFigures } from './decide-figures';
import { startPhotoChecks } from './photo-checks';
import { postOut } from './list';
import { checkPhotoRefs, photoUrls } from './photos';
import { checkFigures, checkPoster } from './rules';
import type { PostDraft } from './store';
import { screenText } from './screen';

export const postCreate: Route<'post.create'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { store, clock } = ctx.deps;
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
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
    const committed = await store.posts.commitPost(draft, decideFigures(view.data, draft));
    if (!committed.ok) return committed;
    // Photos are checked after the write: the check needs the post's id, and answers later anyway.
    const unchecked = !committed.replayed && (await startPhotoChecks(ctx.deps, ctx.user, committed.post));
    const post = unchecked ? { ...committed.post, flagged: true } : committed.post;
    return ok({ post: postOut(post, view, await photoUrls(ctx, [post])) });
  },
};
