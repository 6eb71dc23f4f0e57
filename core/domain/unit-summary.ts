/**
 * A unit's row from its metrics (DOMAIN.md "The five comparisons" and "Settled details"): each
 * dimension averaged over the metrics it applies to (neutral 100 where none does) and clamped to
 * 0–150, quality per unit, the composite score, the plain means of completion and pace, the row's
 * light, and what the light is made of: how many metrics are at each light, how many were never
 * reported, and the worst one.
 */
import type { Dims, Light, Weights } from '../contract';
import { dimensions } from '../contract';
import { compositeScore, mean } from './composite';
import { NEUTRAL } from './effort';
import { rowLight } from './light';
import type { MetricDetail } from './metric-standing';
import type { QualityResult } from './quality';

export const DIMENSION_MIN = 0;
export const DIMENSION_MAX = 150;

export type LightCounts = Record<Light, number>;

export interface UnitSummary {
  score: number;
  dims: Dims;
  completion: number;
  pace: number;
  light: Light;
  lightCounts: LightCounts;
  /** Metrics the unit has never reported (shown as 未填报, counted as completion 0). */
  unreported: number;
  /** The metric furthest behind (lowest pace among those not done), in campaign order on a tie; null when all are done. */
  worstMetricId: string | null;
}

const clampDimension = (x: number): number => Math.min(Math.max(x, DIMENSION_MIN), DIMENSION_MAX);

/** A unit's dimensions, score, means and light from its metrics, in one pass. */
export function summarize(metrics: readonly MetricDetail[], q: QualityResult, weights: Weights): UnitSummary {
  let performance = 0;
  let speed = 0;
  let completion = 0;
  let pace = 0;
  let unreported = 0;
  let worst: MetricDetail | null = null;
  const lightCounts: LightCounts = { red: 0, yellow: 0, green: 0, done: 0 };
  const effort: number[] = [];
  const contribution: number[] = [];
  for (const m of metrics) {
    performance += m.dims.performance;
    speed += m.dims.speed;
    completion += m.completion;
    pace += m.pace;
    lightCounts[m.light] += 1;
    if (m.value === null) unreported += 1;
    if (m.light !== 'done' && (worst === null || m.pace < worst.pace)) worst = m;
    if (m.dims.effort !== null) effort.push(m.dims.effort);
    if (m.dims.contribution !== null) contribution.push(m.dims.contribution);
  }
  const n = metrics.length;
  const raw: Dims = {
    performance: performance / n,
    speed: speed / n,
    quality: q.score,
    effort: mean(effort, NEUTRAL),
    contribution: mean(contribution, NEUTRAL),
  };
  const dims = Object.fromEntries(dimensions.map((d) => [d, clampDimension(raw[d])])) as Dims;
  const light = rowLight(
    metrics.map((m) => m.light),
    pace / n,
  );
  return {
    score: compositeScore(dims, weights),
    dims,
    completion: completion / n,
    pace: pace / n,
    light,
    lightCounts,
    unreported,
    worstMetricId: worst?.metricId ?? null,
  };
}
