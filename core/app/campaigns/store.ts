/**
 * The campaigns slice of the Store: cities and their campaigns. A city (the tenant) owns its people and
 * the units its campaigns name; a campaign belongs to one city for good. A campaign is saved and loaded
 * whole (it is small: units × metrics targets), several live side by side, and the one an action without
 * `campaignId` means is the city's current campaign: a setting of the city, not a singleton.
 */
import type { Campaign, Metric, Target, Track, Unit } from '../../contract';

/** A metric as stored: it belongs to one track. */
export type MetricRecord = Metric & { trackId: string };
export type TrackRecord = Omit<Track, 'metrics'>;

export interface CityRecord {
  id: string;
  name: string;
  /** The campaign an action without `campaignId` means; null until one is made current. */
  currentCampaignId: string | null;
}

/**
 * The city that data written before cities existed belongs to: both adapters upgrade into it (SQLite's
 * migration 0006, CloudBase's read path and `setup`), and a console task with no city names it.
 */
export const DEFAULT_CITY = { id: 'city', name: '本市' } as const;

/** Everything that defines a campaign; loaded whole. */
export interface CampaignData {
  /** The city the campaign belongs to; it never moves to another. */
  cityId: string;
  campaign: Campaign;
  tracks: TrackRecord[];
  metrics: MetricRecord[];
  /** Units taking part in this campaign. */
  units: Unit[];
  targets: Target[];
}

export interface CampaignStore {
  /** Inserts a city, or renames it (its current campaign is kept). */
  saveCity(city: { id: string; name: string }): Promise<void>;
  getCity(cityId: string): Promise<CityRecord | null>;
  /** Every city, in the order each was first saved: the first is the one an unbound WeChat visitor sees. */
  listCities(): Promise<CityRecord[]>;

  /**
   * Inserts or replaces a campaign with its tracks, metrics, units and targets; grows its campaign
   * version and its data version (targets and weights change the standings). Rejects, writing nothing,
   * a campaign id that another city's campaign already has.
   */
  saveCampaign(data: CampaignData): Promise<void>;
  loadCampaign(campaignId: string): Promise<CampaignData | null>;
  /** The city's campaigns (the campaign records only), latest start first, then by id. */
  listCampaigns(cityId: string): Promise<Campaign[]>;
  /**
   * Makes one of the city's campaigns its current one. False, changing nothing, when there is no such
   * city or the campaign is not one of its own.
   */
  setCurrentCampaign(cityId: string, campaignId: string): Promise<boolean>;
  /**
   * Grows only when the campaign itself is saved (tracks, metrics, units, targets, weights), so the
   * loaded campaign is reused across posts; 0 for an unknown campaign.
   */
  campaignVersion(campaignId: string): Promise<number>;
}
