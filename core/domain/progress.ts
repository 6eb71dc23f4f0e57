/**
 * Time progress 序时进度 (DOMAIN.md "Time progress"): τ = clamp((d − S + 1) / (E − S + 1), 0, 1).
 * On the first day τ = 1/N, on the last day 1; before the start 0.
 */
import type { Day } from '../contract';
import { daysBetween } from './days';

/** Days in the campaign, both ends counted. */
export function campaignDays(start: Day, end: Day): number {
  return daysBetween(start, end) + 1;
}

export function timeProgress(day: Day, start: Day, end: Day): number {
  const total = campaignDays(start, end);
  if (total <= 0) return 1;
  const elapsed = daysBetween(start, day) + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}
