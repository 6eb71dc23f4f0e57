/**
 * A unit's completion day by day against 序时 (the trend chart of unit.trend): for every day from
 * the start to today (or the end), the mean completion of its metrics at that day's close — the
 * same measure as its leaderboard row — carrying each metric's last reported value forward.
 */
import type { Day, Metric } from '../contract';
import { completion } from './completion';
import { mean } from './composite';
import { addDays, minDay } from './days';
import { timeProgress } from './progress';

export interface TrendPoint {
  day: Day;
  completion: number;
  timeProgress: number;
}

export interface TrendInput {
  start: Day;
  end: Day;
  today: Day;
  /** The unit's metrics, each with its target. */
  assigned: readonly { metric: Pick<Metric, 'id' | 'direction'>; target: number }[];
  /** The unit's daily figures (any order). */
  daily: readonly { metricId: string; value: number; day: Day }[];
}

export function completionTrend(input: TrendInput): TrendPoint[] {
  const last = minDay(input.today, input.end);
  if (input.assigned.length === 0 || last < input.start) return [];
  const daily = [...input.daily].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const values = new Map<string, number>();
  const points: TrendPoint[] = [];
  let next = 0;
  for (let day = input.start; day <= last; day = addDays(day, 1)) {
    for (; next < daily.length && daily[next]!.day <= day; next += 1)
      values.set(daily[next]!.metricId, daily[next]!.value);
    const c = input.assigned.map(({ metric, target }) =>
      completion(values.get(metric.id) ?? null, target, metric.direction),
    );
    points.push({ day, completion: mean(c, 0), timeProgress: timeProgress(day, input.start, input.end) });
  }
  return points;
}
