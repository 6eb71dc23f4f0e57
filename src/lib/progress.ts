/**
 * The few rules the client draws with (DOMAIN.md "The rules"): days in Asia/Shanghai, 序时,
 * completion, pace and the light. Standings themselves always come from the server.
 */
import type { Campaign, Day, Light, Metric } from '../../core/contract';

const DAY_MS = 86_400_000;
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const shanghaiDay = (ms: number): Day => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

const dayIndex = (day: Day): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** 1-based day number of the campaign on `day` (may be ≤ 0 before it starts). */
export const campaignDay = (c: Pick<Campaign, 'startDate'>, day: Day): number =>
  dayIndex(day) - dayIndex(c.startDate) + 1;

export const campaignLength = (c: Pick<Campaign, 'startDate' | 'endDate'>): number =>
  dayIndex(c.endDate) - dayIndex(c.startDate) + 1;

/** 序时进度 τ = clamp((d − S + 1) / (E − S + 1), 0, 1). */
export function timeProgress(c: Pick<Campaign, 'startDate' | 'endDate'>, day: Day): number {
  const t = campaignDay(c, day) / campaignLength(c);
  return Math.min(1, Math.max(0, t));
}

/** Metrics whose pace is measured against 序时: amounts that grow over the campaign. */
export const pacedByTime = (m: Pick<Metric, 'kind' | 'direction'>): boolean =>
  m.kind !== 'rate' && m.direction === 'up';

export function completion(value: number, target: number, direction: Metric['direction']): number {
  if (target <= 0) return 0;
  if (direction === 'up') return value / target;
  return value <= target ? 1 : target / value;
}

export function pace(c: number, tau: number, m: Pick<Metric, 'kind' | 'direction'>): number {
  if (!pacedByTime(m)) return c;
  return tau > 0 ? c / tau : c;
}

export function lightOf(c: number, p: number, direction: Metric['direction']): Light {
  if (direction === 'up' && c >= 1) return 'done';
  if (p >= 1) return 'green';
  return p >= 0.8 ? 'yellow' : 'red';
}

/** What 序时 expects by `tau`: the target's share for growing amounts, the target itself otherwise. */
export const expectedBy = (target: number, tau: number, m: Pick<Metric, 'kind' | 'direction'>): number =>
  pacedByTime(m) ? target * tau : target;
