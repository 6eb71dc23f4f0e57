/**
 * The standings of a campaign on one day (DOMAIN.md "The five comparisons", "Composite score",
 * ranks and 赶): a pure function of the campaign, the latest figures and the figures at the
 * effort baseline. Cost grows with units × metrics, never with the number of posts.
 */
import type { Day, Dims, Light } from '../contract';
import { daysLeft } from './catch-up';
import { cityTotals, contributionScore, type CityTotal } from './contribution';
import { effortBaselineDay, effortSpan } from './effort';
import { metricStanding, type DayContext, type MetricDetail } from './metric-standing';
import { timeProgress } from './progress';
import { quality, type QualityResult } from './quality';
import { rankAll } from './ranks';
import { groupBy, indexFigures, type CampaignFacts, type Figures, type ProblemFact } from './types';
import { summarize, type LightCounts, type UnitSummary } from './unit-summary';

export interface StandingsInput extends CampaignFacts {
  day: Day;
  /** Each (unit, metric)'s value now (or at the close of `day`). */
  latest: Figures;
  /** Each (unit, metric)'s value at the close of `effortBaselineDay(day)`. */
  baseline: Figures;
  problems?: readonly ProblemFact[];
  /** The metrics ranked on (a track's); all when absent. Units with none of them are not ranked. */
  metricIds?: ReadonlySet<string>;
  /**
   * Standings of the same campaign settings, day and view computed from other figures (before the last
   * posts): a metric whose figures are all the same there is taken from it instead of worked out again.
   */
  reuse?: Standings;
}

export interface UnitStanding {
  unitId: string;
  unitName: string;
  division: string;
  score: number;
  dims: Dims;
  /** Means over the unit's metrics in this view. */
  completion: number;
  pace: number;
  light: Light;
  lightCounts: LightCounts;
  unreported: number;
  worstMetricId: string | null;
  overallRank: number;
  divisionRank: number;
  quality: QualityResult;
  metrics: MetricDetail[];
}

export interface Standings {
  day: Day;
  timeProgress: number;
  /** The effort window starts after this day's close; Δτ is the progress it adds. */
  effortSince: Day;
  effortSpan: number;
  /** Sorted by overall rank. */
  rows: UnitStanding[];
}

type Unranked = Omit<UnitStanding, 'overallRank' | 'divisionRank'>;

export function computeStandings(input: StandingsInput): Standings {
  const { startDate: start, endDate: end, weights } = input.campaign;
  const ctx: DayContext = {
    day: input.day,
    tau: timeProgress(input.day, start, end),
    effortSpan: effortSpan(input.day, start, end),
    daysLeft: daysLeft(input.day, start, end),
  };
  const latest = indexFigures(input.latest);
  const baseline = indexFigures(input.baseline);
  const city = cityTotals(latest, input.targets);
  const slotsOf = assignedTargets(input);
  const problems = groupBy(input.problems ?? [], (p) => p.unitId);
  const before = input.reuse?.day === input.day ? new Map(input.reuse.rows.map((r) => [r.unitId, r])) : null;

  const unranked: Unranked[] = [];
  for (const unit of input.units) {
    const slots = slotsOf.get(unit.id);
    if (!slots) continue;
    const now = latest.get(unit.id);
    const then = baseline.get(unit.id);
    const had = before?.get(unit.id);
    const metrics: MetricDetail[] = [];
    let reused = 0;
    slots.forEach((target, at) => {
      const metric = input.metrics[at]!;
      const value = now?.get(metric.id) ?? null;
      const baselineValue = then?.get(metric.id) ?? null;
      const total = city.get(metric.id);
      // Same settings, same order: the unit's earlier details line up with these metrics one to one.
      const old = had?.metrics[metrics.length];
      const change =
        old?.metricId === metric.id ? changeFrom(old, target, value, baselineValue, total) : 'figures';
      if (change === 'none') {
        metrics.push(old!);
        reused += 1;
      } else if (change === 'city') metrics.push(withCity(old!, total));
      else metrics.push(metricStanding(metric, { target, value, baselineValue, city: total }, ctx));
    });
    const q = quality(problems.get(unit.id) ?? [], input.day);
    // Nothing of the unit changed: its row's summary is the earlier one.
    const same =
      had !== undefined &&
      reused === metrics.length &&
      had.metrics.length === metrics.length &&
      had.quality.score === q.score &&
      had.quality.counted === q.counted;
    unranked.push({
      unitId: unit.id,
      unitName: unit.name,
      division: unit.division,
      ...(same ? summaryOf(had) : summarize(metrics, q, weights)),
      quality: q,
      metrics,
    });
  }
  return {
    day: input.day,
    timeProgress: ctx.tau,
    effortSince: effortBaselineDay(input.day, start, end),
    effortSpan: ctx.effortSpan,
    rows: rank(unranked),
  };
}

/**
 * What differs between the figures a detail was worked out from (on the same day, for the same metric)
 * and these: nothing, only the city's totals (a growing metric's contribution), or the unit's own figures.
 * A baseline counts only for a running total and the city's totals only for a growing metric, as there.
 */
function changeFrom(
  detail: MetricDetail,
  target: number,
  value: number | null,
  baselineValue: number | null,
  city: CityTotal | undefined,
): 'none' | 'city' | 'figures' {
  if (detail.target !== target || detail.value !== value) return 'figures';
  const running = detail.dims.effort !== null;
  if (running && detail.baselineValue !== baselineValue) return 'figures';
  if (detail.city === null) return 'none';
  return detail.city.value === (city?.value ?? 0) && detail.city.target === (city?.target ?? 0)
    ? 'none'
    : 'city';
}

/** A growing metric's detail with the city's new totals: only its contribution depends on them. */
function withCity(detail: MetricDetail, city: CityTotal | undefined): MetricDetail {
  return {
    ...detail,
    city: city ?? { value: 0, target: 0 },
    dims: { ...detail.dims, contribution: contributionScore(detail.value, detail.target, city) },
  };
}

/** The summary part of a row. */
const summaryOf = (row: UnitStanding): UnitSummary => ({
  score: row.score,
  dims: row.dims,
  completion: row.completion,
  pace: row.pace,
  light: row.light,
  lightCounts: row.lightCounts,
  unreported: row.unreported,
  worstMetricId: row.worstMetricId,
});

/**
 * Each unit's targets by metric position (the campaign's metric order, so no sorting per unit), for the
 * metrics of the view. Made once per target list and view: a campaign keeps its list until edited.
 */
const assignedMemo = new WeakMap<readonly unknown[], Map<string, Map<string, number[]>>>();

function assignedTargets(input: StandingsInput): Map<string, number[]> {
  const key = `${input.metrics.map((m) => m.id).join(',')}|${input.metricIds ? [...input.metricIds].sort().join(',') : '*'}`;
  let views = assignedMemo.get(input.targets);
  if (!views) assignedMemo.set(input.targets, (views = new Map()));
  const hit = views.get(key);
  if (hit) return hit;
  const position = new Map(input.metrics.map((m, i) => [m.id, i]));
  const assigned = new Map<string, number[]>();
  for (const t of input.targets) {
    const at = position.get(t.metricId);
    if (at === undefined || (input.metricIds && !input.metricIds.has(t.metricId))) continue;
    let slots = assigned.get(t.unitId);
    if (!slots) assigned.set(t.unitId, (slots = []));
    slots[at] = t.target;
  }
  views.set(key, assigned);
  if (views.size > 16) views.delete(views.keys().next().value!);
  return assigned;
}

function rank(rows: Unranked[]): UnitStanding[] {
  // rows follow the campaign's unit list, so a row's index is the unit's official place in it.
  const asRankable = (r: Unranked, order: number) => ({
    r,
    order,
    score: r.score,
    performance: r.dims.performance,
  });
  const byDivision = groupBy(rows.map(asRankable), (x) => x.r.division);
  const divisionRank = new Map<string, number>();
  for (const members of byDivision.values()) {
    for (const { row, rank } of rankAll(members)) divisionRank.set(row.r.unitId, rank);
  }
  return rankAll(rows.map(asRankable)).map(({ row, rank }) => ({
    ...row.r,
    overallRank: rank,
    divisionRank: divisionRank.get(row.r.unitId) ?? rank,
  }));
}
