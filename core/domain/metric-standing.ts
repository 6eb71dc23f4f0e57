/**
 * One unit's standing on one metric, with every figure that went into it, so that a score can be
 * opened and explained figure by figure (DOMAIN.md "Every score can be opened").
 */
import type { Day, Light, Metric } from '../contract';
import { behindSchedule, perDayNeeded, remaining } from './catch-up';
import { completion } from './completion';
import { contributes, contributionScore, type CityTotal } from './contribution';
import { effortScore } from './effort';
import { figureProgress } from './figure-progress';
import { isRunningTotal, pacedByTime } from './pace';
import { performanceScore, speedScore } from './results';

/** The day-wide numbers every metric shares. */
export interface DayContext {
  day: Day;
  /** τ today. */
  tau: number;
  /** Δτ of the effort window. */
  effortSpan: number;
  /** Days left counting today. */
  daysLeft: number;
}

export interface MetricDims {
  performance: number;
  speed: number;
  /** null: not a running total, so it takes no part in effort. */
  effort: number | null;
  /** null: not a growing cumulative metric, so it takes no part in contribution. */
  contribution: number | null;
}

export interface MetricDetail {
  metricId: string;
  target: number;
  /** Latest value; null before the first report. */
  value: number | null;
  completion: number;
  /** Completion expected by today: τ for a paced metric, else 1. */
  expected: number;
  pace: number;
  light: Light;
  remaining: number;
  /** Per remaining day, counting today, in the metric's measure; null but for paced running totals. */
  perDayNeeded: number | null;
  /** τ·T − A in the metric's measure (0 when ahead); null where 序时 does not apply. */
  behindSchedule: number | null;
  /** Value at the close of the effort baseline day (running totals only). */
  baselineValue: number | null;
  /** ΣA and ΣT of the city (growing cumulative metrics only). */
  city: CityTotal | null;
  dims: MetricDims;
}

export interface MetricFigures {
  target: number;
  value: number | null;
  baselineValue: number | null;
  city: CityTotal | undefined;
}

export function metricStanding(metric: Metric, f: MetricFigures, ctx: DayContext): MetricDetail {
  const { completion: c, expected, pace: p, light } = figureProgress(metric, f.value, f.target, ctx.tau);
  const left = remaining(f.value, f.target, metric.direction);
  const running = isRunningTotal(metric.kind);
  const paced = pacedByTime(metric);
  const growing = contributes(metric);
  const cBase = completion(f.baselineValue, f.target, metric.direction);
  return {
    metricId: metric.id,
    target: f.target,
    value: f.value,
    completion: c,
    expected,
    pace: p,
    light,
    remaining: left,
    // A per-day amount means something for totals that grow; a paced rate shows its gap to 序时 alone.
    perDayNeeded: paced && running ? perDayNeeded(left, ctx.daysLeft) : null,
    behindSchedule: paced ? behindSchedule(f.value, f.target, ctx.tau) : null,
    baselineValue: running ? f.baselineValue : null,
    city: growing ? (f.city ?? { value: 0, target: 0 }) : null,
    dims: {
      performance: performanceScore(c),
      speed: speedScore(p),
      effort: running ? effortScore(c, cBase, ctx.effortSpan) : null,
      contribution: growing ? contributionScore(f.value, f.target, f.city) : null,
    },
  };
}
