/**
 * 赶 (DOMAIN.md "catch up" and "Settled details"): per metric, what is left, what must be done each
 * remaining day (counting today) and how far behind 序时 the unit is, both in the metric's own measure.
 * Behind 序时 applies to paced metrics (pace.ts), the per-day need to paced running totals only; rates
 * and ceilings otherwise show the gap to the target alone. A count's per-day need under one reads as
 * one every N days. And the points to the unit just above in its division, 0 in a tie.
 */
import type { Day, Direction } from '../contract';
import { daysBetween, maxDay } from './days';
import { sameScore } from './ranks';

/** What is left: T − A for `up`, A − T for `down`; never below 0. Nothing reported: all of T. */
export function remaining(value: number | null, target: number, direction: Direction): number {
  const a = value ?? 0;
  return Math.max(direction === 'up' ? target - a : a - target, 0);
}

/** Days left counting today; the whole campaign before it starts; 1 after the end (all is due now). */
export function daysLeft(day: Day, start: Day, end: Day): number {
  return Math.max(daysBetween(maxDay(day, start), end) + 1, 1);
}

export function perDayNeeded(left: number, days: number): number {
  return left <= 0 ? 0 : left / Math.max(days, 1);
}

/**
 * A per-day need of less than one (签约项目: 0.03 个 a day) as "about one every N days", N = ⌊1 / need⌋, so
 * that one every N days is never less than what is needed. null when one or more a day is needed, or nothing.
 */
export function everyDays(perDay: number): number | null {
  if (!(perDay > 0) || perDay >= 1) return null;
  // The epsilon keeps 1 / (1/3) = 3.0000000000000004 at 3 without turning 2.9999 into 3.
  return Math.max(Math.floor(1 / perDay + 1e-9), 1);
}

/** Behind 序时 in the metric's measure: τ·T − A, 0 when ahead; nothing reported counts as 0. */
export function behindSchedule(value: number | null, target: number, tau: number): number {
  return Math.max(tau * target - (value ?? 0), 0);
}

/** Points to the row just above in a list sorted by rank; null for the first. */
export function gapToPrev(
  sortedScores: readonly { unitId: string; score: number }[],
  unitId: string,
): number | null {
  const i = sortedScores.findIndex((r) => r.unitId === unitId);
  const above = i > 0 ? sortedScores[i - 1] : undefined;
  const me = sortedScores[i];
  if (!above || !me) return null;
  return sameScore(above.score, me.score) ? 0 : above.score - me.score;
}
