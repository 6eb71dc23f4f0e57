/**
 * 比干劲 (DOMAIN.md): momentum on running totals (`cumulative`, `count`) — completion gained over
 * the last 30 days (or since the start, if sooner) over the time progress those days add:
 * 100 × min(Δc / Δτ, 1.5). Not below 0 (a correction can lower a total).
 * The window ends today, or on the last day once the campaign is over, so momentum freezes at
 * the end instead of drifting back to neutral.
 */
import type { Day } from '../contract';
import { addDays, maxDay, minDay } from './days';
import { timeProgress } from './progress';

export const EFFORT_WINDOW_DAYS = 30;
export const EFFORT_CAP = 1.5;
/** Where momentum cannot be measured (no time has passed yet): neutral. */
export const NEUTRAL = 100;

/**
 * The day whose close is the baseline: 30 days before the window's end, but not before the eve of
 * the start (its close is "nothing reported yet" unless figures were posted early).
 */
export function effortBaselineDay(day: Day, start: Day, end: Day): Day {
  const windowEnd = minDay(day, end);
  return maxDay(addDays(windowEnd, -EFFORT_WINDOW_DAYS), addDays(start, -1));
}

/** Δτ: the time progress the window adds. */
export function effortSpan(day: Day, start: Day, end: Day): number {
  const base = effortBaselineDay(day, start, end);
  return timeProgress(day, start, end) - timeProgress(base, start, end);
}

/** One metric's effort from its completion now and at the baseline. */
export function effortScore(cNow: number, cBase: number, span: number): number {
  if (span <= 0) return NEUTRAL;
  const ratio = (cNow - cBase) / span;
  return 100 * Math.min(Math.max(ratio, 0), EFFORT_CAP);
}
