/**
 * The monthly 通报 (DOMAIN.md "The monthly review and its sanctions"), pure: from the figures at two month
 * closes, the monthly targets (MT) and last year's same months (LY), who missed, how each ranks by growth
 * within its division, who is flagged and at which level. Also the months of a campaign, what changed
 * between two versions of a 通报, and which targets a finished campaign missed (书面说明 and 扣分).
 */
import type {
  Direction,
  Excluded,
  FlaggedUnit,
  InterviewLevel,
  MetricKind,
  Period,
  ReviewDraft,
  ReviewRow,
  Target,
  Unit,
} from '../contract';
import { completion } from './completion';
import { addDays } from './days';

// --- months -----------------------------------------------------------------

export const periodOf = (day: string): Period => day.slice(0, 7);

/** The last day of the month. */
export function periodEnd(period: Period): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

export function previousPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const nextPeriod = (period: Period): Period => periodOf(addDays(periodEnd(period), 1));

/** The months a campaign from `start` to `end` touches, oldest first. */
export function campaignPeriods(start: string, end: string): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(start); p <= periodOf(end); p = nextPeriod(p)) out.push(p);
  return out;
}

/** A month is over once its last day is: its 通报 may be published from the next day on. */
export const isClosed = (period: Period, today: string): boolean => today > periodEnd(period);

/** 「2025年10月」 */
export const periodName = (period: Period): string => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

// --- the month's table --------------------------------------------------------

export interface ReviewedMetric {
  id: string;
  name: string;
  measure: string;
  kind: MetricKind;
}

/** Key of a (unit, metric) in the close maps. */
export const figureKey = (unitId: string, metricId: string): string => `${unitId}\u0000${metricId}`;

export interface ReviewInput {
  campaignId: string;
  period: Period;
  /** In the campaign's order; divisions are listed in the order their first unit comes. */
  units: readonly Unit[];
  /** The reviewed metrics, in the campaign's order. */
  metrics: readonly ReviewedMetric[];
  targets: readonly Target[];
  /** Each (unit, metric)'s value at the close of the month (`figureKey`); absent: never reported by then. */
  closeNow: ReadonlyMap<string, number>;
  /** The same at the close of the month before (empty for the campaign's first month). */
  closePrev: ReadonlyMap<string, number>;
  /** Units flagged in the month before (its published 通报): flagged again, they are level 2. */
  flaggedBefore: ReadonlySet<string>;
}

/** Running totals report their value to date, so the month is the difference; rates are read as they are. */
const isRunningTotal = (kind: MetricKind): boolean => kind === 'cumulative' || kind === 'count';

/** Growth rates equal to 6 decimals share a place (floating-point noise must not split a tie). */
const rankKey = (g: number): number => Math.round(g * 1e6);

export function computeReview(input: ReviewInput): ReviewDraft {
  const { period, units, metrics } = input;
  const monthOf = new Map<string, { MT: number | null; LY: number | null }>();
  // A unit is reviewed on a metric it has a target for: a department without one is not ranked at all.
  const assigned = new Set(input.targets.map((t) => figureKey(t.unitId, t.metricId)));
  for (const t of input.targets) {
    const m = t.monthly?.find((x) => x.period === period);
    if (m) monthOf.set(figureKey(t.unitId, t.metricId), { MT: m.target ?? null, LY: m.lastYear ?? null });
  }
  const order = new Map(units.map((u, i) => [u.id, i]));
  // Divisions with a unit reviewed on some metric, in the order their first unit comes.
  const reviewed = new Set(metrics.map((m) => m.id));
  const reviewedUnits = new Set(input.targets.filter((t) => reviewed.has(t.metricId)).map((t) => t.unitId));
  const divisions = [...new Set(units.filter((u) => reviewedUnits.has(u.id)).map((u) => u.division))];
  const excluded: Excluded[] = [];
  const rowsByDivision = new Map<string, Omit<ReviewRow, 'level'>[]>(divisions.map((d) => [d, []]));
  /** The metrics each flagged unit is flagged on, in the metrics' order. */
  const flaggedOn = new Map<string, string[]>();

  for (const division of divisions) {
    const members = units.filter((u) => u.division === division);
    for (const metric of metrics) {
      const rows = members.filter((u) => assigned.has(figureKey(u.id, metric.id))).map((u) => {
        const key = figureKey(u.id, metric.id);
        const now = input.closeNow.get(key);
        const MA = isRunningTotal(metric.kind)
          ? (now ?? 0) - (input.closePrev.get(key) ?? 0)
          : (now ?? null);
        const { MT, LY } = monthOf.get(key) ?? { MT: null, LY: null };
        const growth = MA !== null && LY !== null && LY > 0 ? (MA - LY) / LY : null;
        if (growth === null)
          excluded.push({
            unitId: u.id,
            unitName: u.name,
            metricId: metric.id,
            reason: LY === null || LY <= 0 ? 'no_last_year' : 'no_figure',
          });
        const missed = MT !== null && (MA === null || MA < MT);
        return { unitId: u.id, unitName: u.name, metricId: metric.id, MA, MT, LY, growth, missed };
      });
      const ranked = rows.flatMap((r) => (r.growth === null ? [] : [rankKey(r.growth)]));
      for (const r of rows) {
        if (r.growth === null) {
          rowsByDivision.get(division)!.push({ ...r, growthRank: null, flagged: false });
          continue;
        }
        const g = rankKey(r.growth);
        const above = ranked.filter((x) => x > g).length;
        // Bottom two: fewer than two ranked units below it, so a tie at the cut brings in every tied unit.
        const below = ranked.filter((x) => x < g).length;
        const flagged = r.missed && below < 2;
        if (flagged) flaggedOn.set(r.unitId, [...(flaggedOn.get(r.unitId) ?? []), r.metricId]);
        rowsByDivision.get(division)!.push({ ...r, growthRank: above + 1, flagged });
      }
    }
  }

  const flagged: FlaggedUnit[] = [];
  const levelOf = new Map<string, InterviewLevel>();
  for (const u of units) {
    const metricIds = flaggedOn.get(u.id);
    if (!metricIds) continue;
    const level: InterviewLevel = input.flaggedBefore.has(u.id) ? 2 : 1;
    levelOf.set(u.id, level);
    flagged.push({ unitId: u.id, unitName: u.name, division: u.division, level, metricIds });
  }

  const metricOrder = new Map(metrics.map((m, i) => [m.id, i]));
  return {
    campaignId: input.campaignId,
    period,
    metrics: metrics.map(({ id, name, measure }) => ({ id, name, measure })),
    divisions: divisions.map((division) => ({
      division,
      // Per metric, best growth first; units left out of the ranking last, in the campaign's order.
      rows: rowsByDivision
        .get(division)!
        .map((r) => ({ ...r, level: levelOf.get(r.unitId) ?? 0 }) as ReviewRow)
        .sort(
          (a, b) =>
            metricOrder.get(a.metricId)! - metricOrder.get(b.metricId)! ||
            (a.growthRank ?? Infinity) - (b.growthRank ?? Infinity) ||
            order.get(a.unitId)! - order.get(b.unitId)!,
        ),
    })),
    excluded,
    flagged,
  };
}

// --- versions -----------------------------------------------------------------

const fmt = (v: number | null): string => (v === null ? '无' : String(Math.round(v * 1e4) / 1e4));

/**
 * What `next` changes against the published `prev`, in words for the corrected 通报; empty when they
 * say the same (then there is nothing to publish).
 */
export function reviewChanges(prev: ReviewDraft, next: ReviewDraft): string[] {
  const out: string[] = [];
  const name = new Map(next.metrics.map((m) => [m.id, m.name]));
  const before = new Map(prev.divisions.flatMap((d) => d.rows.map((r) => [figureKey(r.unitId, r.metricId), r])));
  for (const r of next.divisions.flatMap((d) => d.rows)) {
    const p = before.get(figureKey(r.unitId, r.metricId));
    const what = `「${r.unitName}」${name.get(r.metricId) ?? r.metricId}`;
    if (!p) {
      out.push(`${what}：新列入`);
      continue;
    }
    if (fmt(p.MA) !== fmt(r.MA)) out.push(`${what}：本月完成 ${fmt(p.MA)} → ${fmt(r.MA)}`);
    if (fmt(p.MT) !== fmt(r.MT)) out.push(`${what}：月度目标 ${fmt(p.MT)} → ${fmt(r.MT)}`);
    if (fmt(p.LY) !== fmt(r.LY)) out.push(`${what}：上年同期 ${fmt(p.LY)} → ${fmt(r.LY)}`);
  }
  const was = new Map(prev.flagged.map((f) => [f.unitId, f]));
  const now = new Map(next.flagged.map((f) => [f.unitId, f]));
  for (const f of next.flagged) {
    const p = was.get(f.unitId);
    if (!p) out.push(`「${f.unitName}」新列入约谈`);
    else if (p.level !== f.level) out.push(`「${f.unitName}」约谈层级由 ${p.level} 级改为 ${f.level} 级`);
  }
  for (const f of prev.flagged) if (!now.has(f.unitId)) out.push(`「${f.unitName}」不再列入约谈`);
  return out;
}

// --- the end of the campaign ----------------------------------------------------

export interface MissedTarget {
  unitId: string;
  metricId: string;
  target: number;
  /** The value at the end; null when never reported. */
  value: number | null;
}

/**
 * The targets a finished campaign missed: an `up` target not reached, a `down` one exceeded, and any
 * never reported — each owes a 书面说明 and costs assessment points.
 */
export function missedTargets(
  targets: readonly Target[],
  directionOf: ReadonlyMap<string, Direction>,
  finalValues: ReadonlyMap<string, number>,
): MissedTarget[] {
  return targets.flatMap((t) => {
    const direction = directionOf.get(t.metricId);
    if (!direction) return [];
    const value = finalValues.get(figureKey(t.unitId, t.metricId)) ?? null;
    const reached = value !== null && completion(value, t.target, direction) >= 1;
    return reached ? [] : [{ unitId: t.unitId, metricId: t.metricId, target: t.target, value }];
  });
}

/** Defaults of the campaign settings the review uses. */
export const DEFAULT_EXPLAIN_DAYS = 7;
export const DEFAULT_POINTS_PER_MISS = 1;
export const DEFAULT_INTERVIEW_DAYS = 10;
