/**
 * A unit's completion day by day, rebuilt from its posts — what the unit page draws while the server
 * has no `unit.trend` (an older server). The unit's completion is the mean of its metrics' completions,
 * a metric not yet reported counting 0, as the standings compute it.
 */
import type { Day, Post } from '../../core/contract';
import type { Arena } from './arena';
import { completion, shanghaiDay, timeProgress } from './progress';

export interface TrendPoint {
  day: Day;
  completion: number;
  timeProgress: number;
}

export function deriveTrend(
  arena: Arena,
  unitId: string,
  posts: Post[],
  today: { day: Day; completion: number } | null,
): TrendPoint[] {
  const metrics = arena.metricsOf(unitId);
  const c = arena.campaign;
  const latest = new Map<string, number>();
  const byDay = new Map<Day, number>();
  const mean = () =>
    metrics.length === 0
      ? 0
      : metrics.reduce(
          (s, m) => s + completion(latest.get(m.id) ?? 0, arena.target(unitId, m.id) ?? 0, m.direction),
          0,
        ) / metrics.length;

  byDay.set(c.startDate, 0);
  const ordered = posts
    .filter((p) => p.unitId === unitId)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const p of ordered) {
    for (const f of p.figures) latest.set(f.metricId, f.value);
    byDay.set(shanghaiDay(Date.parse(p.createdAt)), mean());
  }
  if (today) byDay.set(today.day, today.completion);
  return [...byDay.entries()]
    .filter(([day]) => day >= c.startDate && day <= c.endDate)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, value]) => ({ day, completion: value, timeProgress: timeProgress(c, day) }));
}
