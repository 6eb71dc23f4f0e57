/**
 * Pace against 序时 (DOMAIN.md "Pace"): a *paced* metric is expected to have reached τ of its target
 * by today, so p = c / τ; every other metric (a rate that is a state, a ceiling) is expected to be
 * on target every day, so p = c. Paced by default: running totals (`cumulative`, `count`) that grow
 * (`up`); the campaign sets `paced` on a rate that builds up (开工率 from 0 to 100%, 入库率), or
 * clears it. A `down` metric is a ceiling held every day, never paced.
 */
import type { Direction, MetricKind } from '../contract';

/** What the pace rule reads of a metric. */
export interface PaceRule {
  kind: MetricKind;
  direction: Direction;
  paced?: boolean | undefined;
}

/** Running totals: the value is a total since the start that only grows, barring corrections. */
export const isRunningTotal = (kind: MetricKind): boolean => kind === 'cumulative' || kind === 'count';

/** Compared with time (序时): the metric's `paced` setting, by default running totals that grow. Never a ceiling. */
export const pacedByTime = (metric: PaceRule): boolean =>
  metric.direction === 'up' && (metric.paced ?? isRunningTotal(metric.kind));

/** The completion expected by today: τ for a paced metric, else 1; nothing before the start. */
export function expectedCompletion(metric: PaceRule, tau: number): number {
  if (tau <= 0) return 0;
  return pacedByTime(metric) ? tau : 1;
}

/**
 * p = c / expected. Before the start (τ = 0) nothing is due yet, so the unit is on schedule:
 * p = 1. What it reported early still shows in its completion (and performance), not here.
 */
export function pace(c: number, expected: number): number {
  if (expected <= 0) return 1;
  return c / expected;
}
