/**
 * The standings of a campaign on one day (DOMAIN.md "The five comparisons", "Composite score",
 * ranks and 赶): a pure function of the campaign, the latest figures and the figures at the
 * effort baseline. Cost grows with units × metrics, never with the number of posts.
 */
import type { Day, Dims, Light } from '../contract';
import { daysLeft } from './catch-up';
import { cityTotals } from './contribution';
import { effortBaselineDay, effortSpan } from './effort';
import { metricStanding, type DayContext, type MetricDetail, type MetricFigures } from './metric-standing';
import { timeProgress } from './progress';
import { quality, type QualityResult } from './quality';
import { rankAll } from './ranks';
import { groupBy, indexFigures, type CampaignFacts, type Figures, type ProblemFact } from './types';
import { summarize, type LightCounts } from './unit-summary';

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
  const position = new Map(input.metrics.map((m, i) => [m.id, i]));

  // unit → target by metric position: the campaign's metric order without sorting per unit.
  const assigned = new Map<string, number[]>();
  for (const t of input.targets) {
    const at = position.get(t.metricId);
    if (at === undefined || (input.metricIds && !input.metricIds.has(t.metricId))) continue;
    let slots = assigned.get(t.unitId);
    if (!slots) assigned.set(t.unitId, (slots = []));
    slots[at] = t.target;
  }
  const problems = groupBy(input.problems ?? [], (p) => p.unitId);
  const before =
    input.reuse?.day === input.day ? new Map(input.reuse.rows.map((r) => [r.unitId, r.metrics])) : null;

  const unranked: Unranked[] = [];
  for (const unit of input.units) {
    const slots = assigned.get(unit.id);
    if (!slots) continue;
    const now = latest.get(unit.id);
    const then = baseline.get(unit.id);
    const metrics: MetricDetail[] = [];
    const had = before?.get(unit.id);
    slots.forEach((target, at) => {
      const metric = input.metrics[at]!;
      const figures = {
        target,
        value: now?.get(metric.id) ?? null,
        baselineValue: then?.get(metric.id) ?? null,
        city: city.get(metric.id),
      };
      // Same settings, same order: the unit's earlier details line up with these metrics one to one.
      const old = had?.[metrics.length];
      const same = old?.metricId === metric.id && sameFigures(old, figures);
      metrics.push(same ? old : metricStanding(metric, figures, ctx));
    });
    const q = quality(problems.get(unit.id) ?? [], input.day);
    unranked.push({
      unitId: unit.id,
      unitName: unit.name,
      division: unit.division,
      ...summarize(metrics, q, weights),
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
 * Whether a detail was worked out from these very figures (on the same day, for the same metric): a
 * baseline counts only for a running total and the city's totals only for a growing one, as there.
 */
function sameFigures(detail: MetricDetail, f: MetricFigures): boolean {
  if (detail.target !== f.target || detail.value !== f.value) return false;
  const running = detail.dims.effort !== null;
  if (running && detail.baselineValue !== f.baselineValue) return false;
  if (detail.city === null) return true;
  return detail.city.value === (f.city?.value ?? 0) && detail.city.target === (f.city?.target ?? 0);
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
