/**
 * The campaign every area reads, and the one door to it from other areas (a lint rule): which city and
 * which campaign an action is about, the campaign loaded whole and indexed for lookups, cached per
 * campaign version (the store bumps it on every save of the campaign, so a cached copy is never stale;
 * posts leave it alone).
 *
 * A user acts in their own city, always; a WeChat visitor not bound yet sees the first city (what they
 * are about to join). An action names a campaign by `campaignId` or means the city's current one. A
 * campaign of another city is answered exactly as one that does not exist, so that ids say nothing
 * across cities.
 */
import { fail, ok, type Metric, type Result, type Unit } from '../../contract';
import type { UserRecord } from '../people/store';
import type { CampaignData, CampaignStore, CityRecord, MetricRecord, TrackRecord } from './store';

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

/** A campaign, indexed; null when there is no such campaign. */
export async function campaignView(
  campaigns: CampaignStore,
  cache: CampaignCache,
  campaignId: string,
): Promise<CampaignView | null> {
  // Posts do not change the campaign: key on its own version, so a post never reloads it.
  const version = await campaigns.campaignVersion(campaignId);
  const cached = cache.get(campaignId, version);
  if (cached) return cached;
  const data = await campaigns.loadCampaign(campaignId);
  if (!data) return null;
  const view = indexCampaign(data, version);
  cache.set(view);
  return view;
}

/** What the lookups need of a handler's context (structurally, so this file imports no context). */
export interface CampaignScope {
  deps: { store: { campaigns: CampaignStore } };
  state: { campaigns: CampaignCache };
}

const noCampaign = '当前没有进行中的竞赛，请联系管理员设置。';

/** The caller's city; NOT_FOUND when there is none (no city set up yet, or the user's city is gone). */
export async function callerCity(ctx: CampaignScope, user: UserRecord | null): Promise<Result<CityRecord>> {
  const { campaigns } = ctx.deps.store;
  const city = user ? await campaigns.getCity(user.cityId) : ((await campaigns.listCities())[0] ?? null);
  return city ? ok(city) : fail('NOT_FOUND', noCampaign);
}

/** The campaign `campaignId` names in the city, or the city's current one. */
export async function cityCampaign(
  campaigns: CampaignStore,
  cache: CampaignCache,
  city: string | CityRecord,
  campaignId?: string,
): Promise<Result<CampaignView>> {
  if (campaignId === undefined) {
    const record = typeof city === 'string' ? await campaigns.getCity(city) : city;
    const current = record?.currentCampaignId ?? null;
    if (current === null) return fail('NOT_FOUND', noCampaign);
    const view = await campaignView(campaigns, cache, current);
    return view ? ok(view) : fail('NOT_FOUND', '当前竞赛的数据不存在，请联系管理员。');
  }
  const cityId = typeof city === 'string' ? city : city.id;
  const view = await campaignView(campaigns, cache, campaignId);
  if (!view || view.data.cityId !== cityId) return fail('NOT_FOUND', `没有找到竞赛「${campaignId}」。`);
  return ok(view);
}

/** The campaign `campaignId` names in the caller's city, or the city's current one. */
export async function callerCampaign(
  ctx: CampaignScope,
  user: UserRecord | null,
  campaignId?: string,
): Promise<Result<CampaignView>> {
  const { campaigns } = ctx.deps.store;
  if (user) return cityCampaign(campaigns, ctx.state.campaigns, user.cityId, campaignId);
  const city = await callerCity(ctx, null);
  return city.ok ? cityCampaign(campaigns, ctx.state.campaigns, city.data, campaignId) : city;
}

/** A metric as the API shows it (the store's `trackId` is carried by the track instead). */
export function metricOut(m: MetricRecord): Metric {
  const { trackId: _trackId, ...metric } = m;
  return metric;
}
