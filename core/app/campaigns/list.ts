/** `campaign.list`: the campaigns of the caller's city, latest start first, the current one marked. */
import { ok } from '../../contract';
import type { Route } from '../context';
import { callerCity } from './view';

export const campaignList: Route<'campaign.list'> = {
  access: 'user',
  run: async (ctx) => {
    const city = await callerCity(ctx, ctx.user);
    if (!city.ok) return city;
    const { id, name, currentCampaignId } = city.data;
    const campaigns = await ctx.deps.store.campaigns.listCampaigns(id);
    return ok({
      city: { id, name },
      campaigns: campaigns.map((c) => ({ ...c, current: c.id === currentCampaignId })),
    });
  },
};
