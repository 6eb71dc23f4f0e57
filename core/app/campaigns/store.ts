/**
 * The campaigns slice of the Store: a campaign is saved and loaded whole (it is small: units × metrics
 * targets), several live side by side, and which one `campaign.current` answers with is a setting.
 */
import type { Campaign, Metric, Target, Track, Unit } from '../../contract';

/** A metric as stored: it belongs to one track. */
export type MetricRecord = Metric & { trackId: string };
export type TrackRecord = Omit<Track, 'metrics'>;

/** Everything that defines a campaign; loaded whole. */
export interface CampaignData {
  campaign: Campaign;
  tracks: TrackRecord[];
  metrics: MetricRecord[];
  /** Units taking part in this campaign. */
  units: Unit[];
  targets: Target[];
}

export interface CampaignStore {
  /**
   * Inserts or replaces a campaign with its tracks, metrics, units and targets; grows its campaign
   * version and its data version (targets and weights change the standings).
   */
  saveCampaign(data: CampaignData): Promise<void>;
  loadCampaign(campaignId: string): Promise<CampaignData | null>;
  /** The campaign `campaign.current` answers with: a setting, not a singleton. */
  getCurrentCampaignId(): Promise<string | null>;
  setCurrentCampaignId(campaignId: string): Promise<void>;
  /**
   * Grows only when the campaign itself is saved (tracks, metrics, units, targets, weights), so the
   * loaded campaign is reused across posts; 0 for an unknown campaign.
   */
  campaignVersion(campaignId: string): Promise<number>;
}
