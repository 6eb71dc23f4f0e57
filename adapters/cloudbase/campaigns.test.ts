/**
 * Campaigns on the cloud, beyond the shared Store suite: a target's monthly months (the monthly 通报's
 * targets and last year's figures) load back exactly as saved, through the real wx-server-sdk over the
 * emulated server — a month without a figure has no such field (not null, not 0), a target without months
 * has no `monthly`, and a resave that drops or changes them is what loads.
 */
import type { CampaignData } from '../../core/app/campaigns/store';
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { C1, M, U, campaignData } from '../../tests/store/fixtures';
import { collections } from './collections';
import { createCloudStore } from './store';

let env: Emulated;
afterEach(() => env.done());

const targetOf = (data: CampaignData | null, unitId: string, metricId: string) =>
  data?.targets.find((t) => t.unitId === unitId && t.metricId === metricId);

describe('cloudbase campaigns: monthly targets', () => {
  it('load back exactly: absent figures and absent months stay absent', async () => {
    env = emulate({ collections: Object.values(collections) });
    const store = createCloudStore({ db: env.db });
    const data = campaignData();
    await store.campaigns.saveCampaign(data);
    const loaded = await store.campaigns.loadCampaign(C1);
    const months = targetOf(loaded, U.a1, M.invest)?.monthly;
    expect(months).toEqual([
      { period: '2025-03', target: 1, lastYear: 0.8 },
      { period: '2025-04', target: 1.2 },
    ]);
    expect(Object.keys(months?.[1] ?? {}).sort()).toEqual(['period', 'target']);
    const plain = targetOf(loaded, U.a1, M.start);
    expect(plain && Object.keys(plain).sort()).toEqual(['metricId', 'target', 'unitId']);
  });

  it('a resave that changes or drops a target’s months is what loads', async () => {
    env = emulate({ collections: Object.values(collections) });
    const store = createCloudStore({ db: env.db });
    await store.campaigns.saveCampaign(campaignData());
    const data = campaignData();
    data.targets = data.targets.map((t) => {
      if (t.unitId === U.a1 && t.metricId === M.invest) {
        const { monthly: _dropped, ...rest } = t;
        return rest;
      }
      return t.unitId === U.a2 && t.metricId === M.invest
        ? { ...t, monthly: [{ period: '2025-05', lastYear: 0 }] }
        : t;
    });
    await store.campaigns.saveCampaign(data);
    const loaded = await store.campaigns.loadCampaign(C1);
    expect(loaded).toEqual(data);
    expect(targetOf(loaded, U.a1, M.invest)).not.toHaveProperty('monthly');
    expect(targetOf(loaded, U.a2, M.invest)?.monthly).toEqual([{ period: '2025-05', lastYear: 0 }]);
  });
});
