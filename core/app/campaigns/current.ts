/**
 * `campaign.current`: a campaign of the caller's city (by default the current one) with its tracks (and
 * their metrics), units and targets. An OPENID not bound yet may read it too: the first-run page shows
 * what it is joining.
 */
import { ok } from '../../contract';
import type { Route } from '../context';
import { callerCampaign } from './view';
import { metricOut } from './view';

export const campaignCurrent: Route<'campaign.current'> = {
  access: 'visitor',
  run: async (ctx, { campaignId }) => {
    const cur = await callerCampaign(ctx, ctx.user, campaignId);
    if (!cur.ok) return cur;
    const { campaign, tracks, metrics, units, targets } = cur.data.data;
    return ok({
      campaign,
      tracks: tracks.map((t) => ({
        ...t,
        metrics: metrics.filter((m) => m.trackId === t.id).map(metricOut),
      })),
      units,
      targets,
    });
  },
};
