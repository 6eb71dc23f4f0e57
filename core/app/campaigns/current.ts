/**
 * `campaign.current`: the campaign chosen by settings, with its tracks (and their metrics), units and
 * targets. An OPENID not bound yet may read it too: the first-run page shows what it is joining.
 */
import { ok } from '../../contract';
import type { Route } from '../context';
import { currentCampaign, metricOut } from './view';

export const campaignCurrent: Route<'campaign.current'> = {
  access: 'visitor',
  run: async (ctx) => {
    const cur = await currentCampaign(ctx.deps.store.campaigns, ctx.state.campaigns);
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
