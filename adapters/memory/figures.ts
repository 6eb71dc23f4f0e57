/**
 * In-memory figures of one campaign, by unit then metric: each latest value, and the daily values
 * (the last post of a day wins) kept sorted by day so "as of a day's close" is a binary search.
 */
import type { Day } from '../../core/contract';
import type { LatestFigure, StoredFigure } from '../../core/app/ports';

type ByMetric<T> = Map<string, T>;

/** Last index whose day is ≤ `day`, or −1. */
function atOrBefore(list: readonly LatestFigure[], day: Day): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const byDay = (a: LatestFigure, b: LatestFigure) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

export function createFigures() {
  const latest = new Map<string, ByMetric<LatestFigure>>();
  const daily = new Map<string, ByMetric<LatestFigure[]>>();

  const unitMap = <T>(all: Map<string, ByMetric<T>>, unitId: string): ByMetric<T> => {
    let m = all.get(unitId);
    if (!m) {
      m = new Map();
      all.set(unitId, m);
    }
    return m;
  };

  return {
    /** This unit's latest figures by metric id (copies). */
    unitLatest(unitId: string): Map<string, LatestFigure> {
      const out = new Map<string, LatestFigure>();
      for (const [metricId, f] of latest.get(unitId) ?? []) out.set(metricId, { ...f });
      return out;
    },
    write(unitId: string, day: Day, figures: readonly StoredFigure[]): void {
      const unitLatest = unitMap(latest, unitId);
      const unitDaily = unitMap(daily, unitId);
      for (const { metricId, value } of figures) {
        const figure: LatestFigure = { unitId, metricId, value, day };
        unitLatest.set(metricId, figure);
        const list = unitDaily.get(metricId) ?? [];
        const i = atOrBefore(list, day);
        if (i >= 0 && list[i]!.day === day) list[i] = { ...figure };
        else list.splice(i + 1, 0, { ...figure });
        unitDaily.set(metricId, list);
      }
    },
    latest(): LatestFigure[] {
      return [...latest.values()].flatMap((m) => [...m.values()].map((f) => ({ ...f })));
    },
    asOf(day: Day): LatestFigure[] {
      const out: LatestFigure[] = [];
      for (const m of daily.values()) {
        for (const list of m.values()) {
          const f = list[atOrBefore(list, day)];
          if (f) out.push({ ...f });
        }
      }
      return out;
    },
    unitDaily(unitId: string): LatestFigure[] {
      const lists = [...(daily.get(unitId)?.values() ?? [])];
      return lists.flatMap((list) => list.map((f) => ({ ...f }))).sort(byDay);
    },
  };
}
