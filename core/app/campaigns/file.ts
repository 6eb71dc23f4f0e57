/**
 * Saving and loading a campaign as an admin writes it (core/contract CampaignFile): the one function both
 * the `admin.campaign.save` action and the cloud console's `loadCampaign` task call, and the way back.
 */
import { fail, ok, type CampaignFile, type Result } from '../../contract';
import type { Deps } from '../ports';
import type { CampaignData } from './store';
import { metricOut } from './view';

export function toCampaignData(file: CampaignFile, cityId: string): CampaignData {
  return {
    cityId,
    campaign: file.campaign,
    tracks: file.tracks.map(({ metrics: _metrics, ...track }) => track),
    metrics: file.tracks.flatMap((t) => t.metrics.map((m) => ({ ...m, trackId: t.id }))),
    units: file.units,
    targets: file.targets,
  };
}

export function toCampaignFile(data: CampaignData): CampaignFile {
  return {
    campaign: data.campaign,
    tracks: data.tracks.map((t) => ({
      ...t,
      metrics: data.metrics.filter((m) => m.trackId === t.id).map(metricOut),
    })),
    units: data.units,
    targets: data.targets,
  };
}

export interface SavedCampaign {
  campaignId: string;
  currentCampaignId: string | null;
  counts: { tracks: number; metrics: number; units: number; targets: number };
}

/**
 * Saves an already validated file into the city (replacing a campaign of the same id there), and makes
 * it current when asked. A campaign id another city uses is refused before anything is written.
 */
export async function saveCampaignFile(
  deps: Pick<Deps, 'store'>,
  cityId: string,
  file: CampaignFile,
  makeCurrent: boolean,
): Promise<Result<SavedCampaign>> {
  const { campaigns } = deps.store;
  const data = toCampaignData(file, cityId);
  const existing = await campaigns.loadCampaign(data.campaign.id);
  if (existing && existing.cityId !== cityId) {
    return fail('CONFLICT', `竞赛 ID「${data.campaign.id}」已被占用，请换一个 ID。`);
  }
  await campaigns.saveCampaign(data);
  if (makeCurrent) await campaigns.setCurrentCampaign(cityId, data.campaign.id);
  const city = await campaigns.getCity(cityId);
  return ok({
    campaignId: data.campaign.id,
    currentCampaignId: city?.currentCampaignId ?? null,
    counts: {
      tracks: data.tracks.length,
      metrics: data.metrics.length,
      units: data.units.length,
      targets: data.targets.length,
    },
  });
}
