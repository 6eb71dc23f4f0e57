/**
 * A unit's row from its metrics (DOMAIN.md "The five comparisons"): each dimension averaged over the
 * metrics it applies to (neutral 100 where none does), quality per unit, the composite score, the
 * means of completion and pace, and the row's light.
 */
import type { Dims, Light, Weights } from '../contract';
import { compositeScore, mean } from './composite';
import { NEUTRAL } from './effort';
import { rowLight } from './light';
import type { MetricDetail } from './metric-standing';
import type { QualityResult } from './quality';

export interface UnitSummary {
  score: number;
  dims: Dims;
  completion: number;
  pace: number;
  light: Light;
}

/** A unit's dimensions, score, means and light from its metrics, in one pass. */
export function summarize(metrics: readonly MetricDetail[], q: QualityResult, weights: Weights): UnitSummary {
  let performance = 0;
  let speed = 0;
  let completion = 0;
  let pace = 0;
  const effort: number[] = [];
  const contribution: number[] = [];
  for (const m of metrics) {
    performance += m.dims.performance;
    speed += m.dims.speed;
    completion += m.completion;
    pace += m.pace;
    if (m.dims.effort !== null) effort.push(m.dims.effort);
    if (m.dims.contribution !== null) contribution.push(m.dims.contribution);
  }
  const n = metrics.length;
  const dims: Dims = {
    performance: performance / n,
    speed: speed / n,
    quality: q.score,
    effort: mean(effort, NEUTRAL),
    contribution: mean(contribution, NEUTRAL),
  };
  const light = rowLight(
    metrics.map((m) => m.light),
    pace / n,
  );
  return { score: compositeScore(dims, weights), dims, completion: completion / n, pace: pace / n, light };
}
