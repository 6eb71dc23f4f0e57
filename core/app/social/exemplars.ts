/**
 * `post.exemplar` (DOMAIN.md "学"): a supervisor or a city leader marks a post 经验做法 with a one-line
 * reason, or takes the mark off. The mark keeps the tracks of the post's figures, for the 学 view's filter.
 */
import { fail, ok, roleNames } from '../../contract';
import { isoOf } from '../../domain/days';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { findPost } from './reactions';
import type { ExemplarRecord } from './store';

export const postExemplar: Route<'post.exemplar'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { user } = ctx;
    if (user.role !== 'supervisor' && user.role !== 'leader')
      return fail('FORBIDDEN', `${roleNames[user.role]}不能推荐经验做法：只有督办员或市领导可以。`);
    const reason = input.reason?.trim() ?? '';
    if (input.on && reason === '')
      return fail('INVALID_ARGUMENT', 'reason：请用一句话写明推荐理由，如“用地报批提速的做法值得推广”。');
    const cur = await callerCampaign(ctx, user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const found = await findPost(ctx, view, input.postId);
    if (!found.ok) return found;
    const campaignId = view.data.campaign.id;
    if (!input.on) {
      await ctx.deps.store.social.setExemplar(campaignId, input.postId, null);
      return ok({ exemplar: null });
    }
    const trackIds = [
      ...new Set(found.data.figures.flatMap((f) => view.metricById.get(f.metricId)?.trackId ?? [])),
    ];
    const record: ExemplarRecord = {
      campaignId,
      postId: input.postId,
      trackIds,
      reason,
      byId: user.id,
      byName: user.name,
      at: ctx.deps.clock.now(),
    };
    await ctx.deps.store.social.setExemplar(campaignId, input.postId, record);
    return ok({ exemplar: { reason, byName: user.name, at: isoOf(record.at) } });
  },
};
