/**
 * The current campaign, loaded whole and indexed for lookups, cached per campaign version (the store
 * bumps it on every save of the campaign, so a cached copy is never stale; posts leave it alone).
 */
import { fail, ok, type Metric, type Result, type Unit } from '../../contract';
import type { CampaignData, CampaignStore, MetricRecord, TrackRecord } from './store';

export interface CampaignView {
  data: CampaignData;
  version: number;
  unitById: ReadonlyMap<string, Unit>;
  metricById: ReadonlyMap<string, MetricRecord>;
  trackById: ReadonlyMap<string, TrackRecord>;
  /** (unitId, metricId) → target. */
  target(unitId: string, metricId: string): number | undefined;
  divisions: ReadonlySet<string>;
}

export interface CampaignCache {
  get(campaignId: string, version: number): CampaignView | undefined;
  set(view: CampaignView): void;
}

export function createCampaignCache(): CampaignCache {
  const views = new Map<string, CampaignView>();
  return {
    get: (campaignId, version) => {
      const v = views.get(campaignId);
      return v && v.version === version ? v : undefined;
    },
    set: (view) => void views.set(view.data.campaign.id, view),
  };
}

export function indexCampaign(data: CampaignData, version: number): CampaignView {
  const targets = new Map(data.targets.map((t) => [`${t.unitId}\u0000${t.metricId}`, t.target]));
  return {
    data,
    version,
    unitById: new Map(data.units.map((u) => [u.id, u])),
    metricById: new Map(data.metrics.map((m) => [m.id, m])),
    trackById: new Map(data.tracks.map((t) => [t.id, t])),
    target: (unitId, metricId) => targets.get(`${unitId}\u0000${metricId}`),
    divisions: new Set(data.units.map((u) => u.division)),
  };
}

/** The current campaign, or NOT_FOUND when none is set. */
export async function currentCampaign(campaigns: CampaignStore, cache: CampaignCache): Promise<Result<CampaignView>> {
  const id = await campaigns.getCurrentCampaignId();
  if (id === null) return fail('NOT_FOUND', '当前没有进行中的竞赛，请联系管理员设置。');
  // Posts do not change the campaign: key on its own version, so a post never reloads it.
  const version = await campaigns.campaignVersion(id);
  const cached = cache.get(id, version);
  if (cached) return ok(cached);
  const data = await campaigns.loadCampaign(id);
  if (!data) return fail('NOT_FOUND', '当前竞赛的数据不存在，请联系管理员。');
  const view = indexCampaign(data, version);
  cache.set(view);
  return ok(view);
}

/** A metric as the API shows it (the store's `trackId` is carried by the track instead). */
export function metricOut(m: MetricRecord): Metric {
  const { trackId: _trackId, ...metric } = m;
  return metric;
}
