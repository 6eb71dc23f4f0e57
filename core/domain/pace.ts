/**
 * Pace against 序时 (DOMAIN.md "Pace"): running totals (`cumulative`, `count`) that grow (`up`)
 * are expected to have reached τ of their target by today, so p = c / τ; every other metric
 * (a rate, a ceiling) is expected to be on target every day, so p = c.
 */
import type { Direction, MetricKind } from '../contract';

/** Running totals: the value is a total since the start that only grows, barring corrections. */
export const isRunningTotal = (kind: MetricKind): boolean => kind === 'cumulative' || kind === 'count';

/** Compared with time (序时): running totals that grow. Rates and ceilings are held to the target every day. */
export const pacedByTime = (metric: { kind: MetricKind; direction: Direction }): boolean =>
  isRunningTotal(metric.kind) && metric.direction === 'up';

/** The completion expected by today: τ for a growing running total, else 1; nothing before the start. */
export function expectedCompletion(kind: MetricKind, direction: Direction, tau: number): number {
  if (tau <= 0) return 0;
  return pacedByTime({ kind, direction }) ? tau : 1;
}

/**
 * p = c / expected. Before the start (τ = 0) nothing is due yet, so the unit is on schedule:
 * p = 1. What it reported early still shows in its completion (and performance), not here.
 */
export function pace(c: number, expected: number): number {
  if (expected <= 0) return 1;
  return c / expected;
}
