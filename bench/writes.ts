/**
 * The posts the write benchmark sends, the same for the arena and the floor: post k is for unit
 * k mod units and reports 4 running totals that rise with k, so no post is refused for lowering one.
 */
import type { FigureInputRecord } from '../core/app/ports';
import { type City, valueOn } from './city';

export const figuresPerPost = 4;
/** Running totals are the first 10 metrics (city.ts). */
const runningTotals = 10;

export function benchFigures(city: City, k: number): { unitIndex: number; figures: FigureInputRecord[] } {
  const { units, metrics } = city.data;
  const unitIndex = k % units.length;
  const figures = Array.from({ length: figuresPerPost }, (_, j) => {
    const mi = (Math.floor(k / units.length) * figuresPerPost + j) % runningTotals;
    const metric = metrics[mi];
    if (!metric) throw new Error(`no metric ${mi}`);
    // Above anything preloaded (day ≤ 100), rising with k.
    const value = Math.round((valueOn(unitIndex, mi, 100, metric) + 1 + k * 0.001) * 1000) / 1000;
    return { metricId: metric.id, value };
  });
  return { unitIndex, figures };
}
