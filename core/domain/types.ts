/**
 * The plain data the rules work on. Structural on purpose: the app's records (with extra
 * fields such as `day` or `trackId`) fit these shapes without conversion.
 */
import type { Campaign, Day, Metric, Target, Unit } from '../contract';

/** One (unit, metric) value: the latest, or the value at some day's close. */
export interface FigureValue {
  unitId: string;
  metricId: string;
  value: number;
}

/** A problem (难题) as quality needs it; problems arrive with a later issue. */
export interface ProblemFact {
  unitId: string;
  dueDay: Day;
  /** Day a supervisor closed it (销号); null while open. */
  closedDay: Day | null;
}

/** The parts of a campaign that standings depend on. */
export interface CampaignFacts {
  campaign: Pick<Campaign, 'startDate' | 'endDate' | 'weights'>;
  metrics: readonly Metric[];
  units: readonly Unit[];
  targets: readonly Target[];
}

/** Figures by unit, then metric: nested maps, so no key strings are built per lookup. */
export type FigureIndex = Map<string, Map<string, number>>;

/** Figures as a list, or already indexed (a caller that keeps them indexed saves rebuilding the index). */
export type Figures = readonly FigureValue[] | FigureIndex;

export function indexFigures(figures: Figures): FigureIndex {
  if (figures instanceof Map) return figures;
  const byUnit: FigureIndex = new Map();
  for (const f of figures) {
    let unit = byUnit.get(f.unitId);
    if (!unit) {
      unit = new Map();
      byUnit.set(f.unitId, unit);
    }
    unit.set(f.metricId, f.value);
  }
  return byUnit;
}

/** Items grouped by a key, in their original order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
