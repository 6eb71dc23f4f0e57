/**
 * An admin's campaign actions, always within the admin's own city: `admin.campaign.save` (a campaign file
 * validated whole by the contract, then saved), `admin.campaign.load` (the same shape back) and
 * `admin.campaign.setCurrent` (which campaign actions without `campaignId` mean).
 */
import { fail, ok } from '../../contract';
import type { Route, UserCtx } from '../context';
import { saveCampaignFile, toCampaignFile } from './file';
import { cityCampaign } from './view';

const adminsOnly = fail('FORBIDDEN', '只有管理员可以管理竞赛。');
const isAdmin = (ctx: UserCtx) => ctx.user.role === 'admin';

export const adminCampaignSave: Route<'admin.campaign.save'> = {
  access: 'user',
  run: async (ctx, { makeCurrent, ...file }) => {
    if (!isAdmin(ctx)) return adminsOnly;
    return saveCampaignFile(ctx.deps, ctx.user.cityId, file, makeCurrent);
  },
};

export const adminCampaignLoad: Route<'admin.campaign.load'> = {
  access: 'user',
  run: async (ctx, { campaignId }) => {
    if (!isAdmin(ctx)) return adminsOnly;
    const cur = await cityCampaign(
      ctx.deps.store.campaigns,
      ctx.state.campaigns,
      ctx.user.cityId,
      campaignId,
    );
    return cur.ok ? ok(toCampaignFile(cur.data.data)) : cur;
  },
};

export const adminCampaignSetCurrent: Route<'admin.campaign.setCurrent'> = {
  access: 'user',
  run: async (ctx, { campaignId }) => {
    if (!isAdmin(ctx)) return adminsOnly;
    const done = await ctx.deps.store.campaigns.setCurrentCampaign(ctx.user.cityId, campaignId);
    if (!done) return fail('NOT_FOUND', `没有找到竞赛「${campaignId}」。`);
    return ok({ currentCampaignId: campaignId });
  },
};
