/**
 * Reading published 通报: `review.get` (a version, the latest by default), `review.list` (the campaign's
 * months, each closed or not with its latest 通报). A published 通报 is read
 * by everyone of the city: it is the campaign's public record.
 */
import { fail, ok } from '../../contract';
import { campaignPeriods, isClosed, periodName } from '../../domain/review';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { reviewOut, summaryOut, todayIn } from './shared';
import type { ReviewHead } from './store';

export const reviewGet: Route<'review.get'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const campaignId = cur.data.data.campaign.id;
    const review = await ctx.deps.store.reviews.getReview(campaignId, input.period, input.version);
    if (!review)
      return fail(
        'NOT_FOUND',
        input.version === undefined
          ? `${periodName(input.period)}的通报尚未发布。`
          : `${periodName(input.period)}的通报没有第 ${input.version} 版。`,
      );
    const versions = (await ctx.deps.store.reviews.listReviews(campaignId))
      .filter((h) => h.period === input.period)
      .map((h) => h.version);
    return ok({ review: reviewOut(review), versions });
  },
};

/** The latest version of each month's 通报. */
const latestByPeriod = (heads: readonly ReviewHead[]): Map<string, ReviewHead> => {
  const out = new Map<string, ReviewHead>();
  for (const h of heads) if ((out.get(h.period)?.version ?? 0) < h.version) out.set(h.period, h);
  return out;
};

export const reviewList: Route<'review.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const { campaign } = cur.data.data;
    const today = todayIn(cur.data, ctx.deps.clock.now());
    const latest = latestByPeriod(await ctx.deps.store.reviews.listReviews(campaign.id));
    const months = campaignPeriods(campaign.startDate, campaign.endDate)
      .filter((p) => p <= today.slice(0, 7))
      .reverse()
      .map((period) => {
        const head = latest.get(period);
        return { period, closed: isClosed(period, today), published: head ? summaryOut(head) : null };
      });
    return ok({ months });
  },
};
