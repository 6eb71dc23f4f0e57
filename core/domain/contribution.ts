/**
 * 比贡献 (DOMAIN.md): on cumulative metrics, a unit's share of the city's total over its share of
 * the city's target: 100 × min((A / ΣA) / (T / ΣT), 1.5); 100 where undefined (nothing reported
 * city-wide yet). Only growing (`up`) totals count: for a ceiling a bigger share is no merit.
 */
import type { Metric, Target } from '../contract';
import type { FigureValue } from './types';

export const CONTRIBUTION_CAP = 1.5;

export interface CityTotal {
  /** ΣA: every unit's latest value. */
  value: number;
  /** ΣT: every unit's target. */
  target: number;
}

export const contributes = (metric: Pick<Metric, 'kind' | 'direction'>): boolean =>
  metric.kind === 'cumulative' && metric.direction === 'up';

/**
 * City totals per metric id, over all units that have a target for it (whatever view is ranked):
 * a figure left over from a unit whose target was removed counts in neither sum.
 */
const byUnitMetric = (a: { unitId: string; metricId: string }, b: { unitId: string; metricId: string }) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0;

export function cityTotals(
  latest: readonly FigureValue[],
  targets: readonly Target[],
): Map<string, CityTotal> {
  const totals = new Map<string, CityTotal & { units: Set<string> }>();
  // Floating-point sums depend on order: add in one fixed order so every store gives the same scores.
  for (const t of [...targets].sort(byUnitMetric)) {
    let total = totals.get(t.metricId);
    if (!total) totals.set(t.metricId, (total = { value: 0, target: 0, units: new Set() }));
    total.target += t.target;
    total.units.add(t.unitId);
  }
  for (const f of [...latest].sort(byUnitMetric)) {
    const total = totals.get(f.metricId);
    if (total?.units.has(f.unitId)) total.value += f.value;
  }
  return new Map([...totals].map(([metricId, { value, target }]) => [metricId, { value, target }]));
}

export function contributionScore(value: number | null, target: number, city: CityTotal | undefined): number {
  if (!city || city.value <= 0 || city.target <= 0 || target <= 0) return 100;
  const ratio = (value ?? 0) / city.value / (target / city.target);
  return 100 * Math.min(ratio, CONTRIBUTION_CAP);
}
