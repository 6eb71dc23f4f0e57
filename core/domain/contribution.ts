/**
 * 比贡献 (DOMAIN.md): on cumulative metrics, a unit's share of the city's total over its share of
 * the city's target: 100 × min((A / ΣA) / (T / ΣT), 1.5); 100 where undefined (nothing reported
 * city-wide yet). Only growing (`up`) totals count: for a ceiling a bigger share is no merit.
 */
import type { Metric, Target } from '../contract';
import { indexFigures, type Figures } from './types';

export const CONTRIBUTION_CAP = 1.5;

export interface CityTotal {
  /** ΣA: every unit's latest value. */
  value: number;
  /** ΣT: every unit's target. */
  target: number;
}

export const contributes = (metric: Pick<Metric, 'kind' | 'direction'>): boolean =>
  metric.kind === 'cumulative' && metric.direction === 'up';

const byUnitMetric = (a: { unitId: string; metricId: string }, b: { unitId: string; metricId: string }) =>
  a.unitId < b.unitId
    ? -1
    : a.unitId > b.unitId
      ? 1
      : a.metricId < b.metricId
        ? -1
        : a.metricId > b.metricId
          ? 1
          : 0;

// Floating-point sums depend on order: add in one fixed order (unit, then metric) so every store gives
// the same scores. A campaign's targets in that order, sorted once per target list (a campaign keeps its list until edited).
const sortedTargets = new WeakMap<readonly Target[], readonly Target[]>();

/**
 * City totals per metric id, over all units that have a target for it (whatever view is ranked):
 * a figure left over from a unit whose target was removed counts in neither sum.
 */
export function cityTotals(latest: Figures, targets: readonly Target[]): Map<string, CityTotal> {
  let sorted = sortedTargets.get(targets);
  if (!sorted) sortedTargets.set(targets, (sorted = [...targets].sort(byUnitMetric)));
  const values = indexFigures(latest);
  const totals = new Map<string, CityTotal>();
  let previous: Target | undefined;
  for (const t of sorted) {
    let total = totals.get(t.metricId);
    if (!total) totals.set(t.metricId, (total = { value: 0, target: 0 }));
    total.target += t.target;
    // A (unit, metric) listed twice has its target counted twice but its value once.
    const repeated = previous?.unitId === t.unitId && previous.metricId === t.metricId;
    previous = t;
    const value = repeated ? undefined : values.get(t.unitId)?.get(t.metricId);
    if (value !== undefined) total.value += value;
  }
  return totals;
}

export function contributionScore(value: number | null, target: number, city: CityTotal | undefined): number {
  if (!city || city.value <= 0 || city.target <= 0 || target <= 0) return 100;
  const ratio = (value ?? 0) / city.value / (target / city.target);
  return 100 * Math.min(ratio, CONTRIBUTION_CAP);
}
