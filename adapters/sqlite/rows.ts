/**
 * Row shapes as SQLite returns them, and their mapping to the port's records.
 * JSON columns hold what this adapter wrote itself, so parsing them trusts their shape.
 */
import type { Campaign, Metric, Role, Weights } from '../../core/contract';
import type { MetricRecord } from '../../core/app/campaigns/store';
import type { UserRecord } from '../../core/app/people/store';
import type { LatestFigure, PostRecord, StoredFigure } from '../../core/app/posts/store';

export interface CampaignRow {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
  timezone: string;
  weights: string;
  post_every_days: number | null;
  /** NULL when the campaign does not say (0006_cities). */
  late_days: number | null;
  /** NULL when the campaign does not say (0011_jump_multiple). */
  jump_multiple: number | null;
  /** NULL when the campaign does not say (0014_reviews). */
  explain_days: number | null;
  points_per_miss: number | null;
  interview_days: number | null;
  city_id: string;
}

export interface MetricRow {
  id: string;
  track_id: string;
  name: string;
  measure: string;
  kind: Metric['kind'];
  direction: Metric['direction'];
  reviewed: 0 | 1 | null;
  /** Both set or both NULL (0008_metric_range). */
  range_min: number | null;
  range_max: number | null;
  /** NULL: the default pace rule (0010_metric_paced). */
  paced: 0 | 1 | null;
}

export interface UserRow {
  id: string;
  name: string;
  role: Role;
  city_id: string;
  unit_id: string | null;
  demo: 0 | 1;
  openid: string | null;
  account: string | null;
  password_hash: string | null;
}

export interface PostRow {
  seq: number;
  id: string;
  campaign_id: string;
  unit_id: string;
  author_id: string;
  author_name: string;
  created_at: string;
  created_ms: number;
  day: string;
  figures: string;
  text: string;
  photos: string;
  correction_reason: string | null;
  request_id: string;
  flagged: 0 | 1;
  /** JSON: [string]; NULL when no photo is hidden (0005_photo_checks). */
  hidden_photos: string | null;
}

export interface FigureRow {
  unit_id: string;
  metric_id: string;
  value: number;
  day: string;
}

export function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    timezone: r.timezone,
    weights: JSON.parse(r.weights) as Weights,
    ...(r.post_every_days === null ? {} : { postEveryDays: r.post_every_days }),
    ...(r.late_days === null ? {} : { lateDays: r.late_days }),
    ...(r.jump_multiple === null ? {} : { jumpMultiple: r.jump_multiple }),
    ...(r.explain_days === null ? {} : { explainDays: r.explain_days }),
    ...(r.points_per_miss === null ? {} : { pointsPerMiss: r.points_per_miss }),
    ...(r.interview_days === null ? {} : { interviewDays: r.interview_days }),
  };
}

export function toMetric(r: MetricRow): MetricRecord {
  return {
    id: r.id,
    trackId: r.track_id,
    name: r.name,
    measure: r.measure,
    kind: r.kind,
    direction: r.direction,
    ...(r.reviewed === null ? {} : { reviewed: r.reviewed === 1 }),
    ...(r.range_min === null || r.range_max === null ? {} : { range: { min: r.range_min, max: r.range_max } }),
    ...(r.paced === null ? {} : { paced: r.paced === 1 }),
  };
}

/** `credits`: the user's rows of subscribe_credits (./credits.ts); empty when none. */
export function toUser(r: UserRow, credits: Readonly<Record<string, number>> = {}): UserRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    cityId: r.city_id,
    unitId: r.unit_id,
    ...(r.demo === 1 ? { demo: true } : {}),
    ...(r.openid === null ? {} : { openid: r.openid }),
    ...(r.account === null ? {} : { account: r.account }),
    ...(r.password_hash === null ? {} : { passwordHash: r.password_hash }),
    ...(Object.keys(credits).length === 0 ? {} : { subscribeCredits: { ...credits } }),
  };
}

export function toPost(r: PostRow): PostRecord {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    unitId: r.unit_id,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    day: r.day,
    figures: JSON.parse(r.figures) as StoredFigure[],
    text: r.text,
    photos: JSON.parse(r.photos) as string[],
    correctionReason: r.correction_reason,
    requestId: r.request_id,
    ...(r.flagged === 1 ? { flagged: true } : {}),
    ...(r.hidden_photos === null ? {} : { hiddenPhotos: JSON.parse(r.hidden_photos) as string[] }),
  };
}

export function toFigure(r: FigureRow): LatestFigure {
  return { unitId: r.unit_id, metricId: r.metric_id, value: r.value, day: r.day };
}

/** SQLite stores booleans as 0/1; NULL keeps "not said" apart from false. */
export const flag = (b: boolean | undefined): 0 | 1 | null => (b === undefined ? null : b ? 1 : 0);
