/**
 * DEMO DATA — the monthly targets (MT) and last year's same months (LY) of the demo's reviewed metrics
 * (DOMAIN.md "The monthly review and its sanctions"). The article gives neither: each (unit, metric) target
 * is split over the months the campaign touches by its days in each (pro rata), and LY is drawn from a
 * seeded source at 80–110 % of MT. One lagging town is the story the 通报 tell: its MT and LY are tuned on
 * the demo's own figures so that it misses and ranks in its division's bottom two by growth in every month
 * closed on day 41 — and, with the month before the campaign (`demoMonthBefore`), two months running.
 */
import type { Day, MonthlyTarget, Period, ReviewDraft, ReviewRow, Target } from '../../contract';
import { addDays, daysBetween, maxDay, minDay } from '../../domain/days';
import {
  campaignPeriods,
  computeReview,
  figureKey,
  isClosed,
  periodEnd,
  periodOf,
  previousPeriod,
  type ReviewedMetric,
} from '../../domain/review';
import type { CampaignData, PostDraft } from '../ports';
import { demoDaysElapsed } from './city';
import { demoMetrics } from './metrics';
import { createRng, seedOf, type Rng } from './prng';
import { demoUnits } from './units';

/** The unit the demo's 通报 flag: a town whose posts lag (posts.ts, `behind`) and whose leader is a demo user. */
export const demoStory = { unit: demoUnits.xiangzhu, metric: demoMetrics.majorInvest } as const;

/** How far below the growth it has to beat the story unit's growth is set, so that rounding cannot tie them. */
const MARGIN = 0.02;

/** Amounts are kept in hundredths (亿元 to the million), so that a split adds up exactly. */
const cents = (x: number): number => Math.round(x * 100);
const fromCents = (c: number): number => c / 100;

/** The days of the campaign in each month it touches, in order. */
export function campaignDaysByMonth(start: Day, end: Day): Map<Period, number> {
  const out = new Map<Period, number>();
  for (const p of campaignPeriods(start, end))
    out.set(p, daysBetween(maxDay(start, `${p}-01`), minDay(end, periodEnd(p))) + 1);
  return out;
}

/** Splits `total` hundredths over `weights`, largest remainders first: the parts add up to `total`. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = total - parts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++)
    parts[order[k % order.length]![1]]! += 1;
  return parts;
}

/** LY at 80–110 % of MT, never 0: a unit without LY would be left out of the growth ranking. */
const lastYearOf = (mt: number, rng: Rng): number =>
  fromCents(Math.max(1, cents(mt * rng.between(0.8, 1.1))));

/** A target's months: MT pro rata to the campaign's days in each, LY drawn around it. */
export function splitMonthly(target: Target, start: Day, end: Day): MonthlyTarget[] {
  const days = campaignDaysByMonth(start, end);
  const periods = [...days.keys()];
  const parts = apportion(
    cents(target.target),
    periods.map((p) => days.get(p)!),
  );
  const rng = createRng(seedOf(`demo-ly:${target.unitId}:${target.metricId}`));
  return periods.map((period, i) => {
    const mt = fromCents(parts[i]!);
    return { period, target: mt, lastYear: lastYearOf(mt, rng) };
  });
}

const reviewedMetrics = (data: CampaignData): ReviewedMetric[] =>
  data.metrics.filter((m) => m.reviewed).map(({ id, name, measure, kind }) => ({ id, name, measure, kind }));

/** Each (unit, metric)'s last value posted on or before `day`: what the store's close of that day holds. */
function closeAt(posts: readonly PostDraft[], day: Day): Map<string, number> {
  const out = new Map<string, number>();
  const inOrder = [...posts].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  for (const p of inOrder)
    if (p.day <= day) for (const f of p.figures) out.set(figureKey(p.unitId, f.metricId), f.value);
  return out;
}

/** A month's close as the 通报 reads it (core/app/reviews/compute.ts): nothing before the campaign began. */
const monthClose = (posts: readonly PostDraft[], period: Period, start: Day): Map<string, number> =>
  periodEnd(period) < start ? new Map() : closeAt(posts, periodEnd(period));

/** The story unit's row on its metric in a month's 通报 computed from `posts`. */
function storyRow(
  data: CampaignData,
  targets: readonly Target[],
  posts: readonly PostDraft[],
  period: Period,
) {
  const draft = computeReview({
    campaignId: data.campaign.id,
    period,
    units: data.units,
    metrics: reviewedMetrics(data),
    targets,
    closeNow: monthClose(posts, period, data.campaign.startDate),
    closePrev: monthClose(posts, previousPeriod(period), data.campaign.startDate),
    flaggedBefore: new Set(),
  });
  const rows = draft.divisions.find((d) => d.division === demoStory.unit.division)?.rows ?? [];
  const onMetric = rows.filter((r) => r.metricId === demoStory.metric.id);
  return {
    row: onMetric.find((r) => r.unitId === demoStory.unit.id),
    others: onMetric.filter((r) => r.unitId !== demoStory.unit.id),
  };
}

/** A growth under all of `others` but at most one: in the bottom two, whatever ties there are. */
function growthInBottomTwo(others: readonly ReviewRow[]): number {
  const growths = others.flatMap((r) => (r.growth === null ? [] : [r.growth])).sort((a, b) => a - b);
  return (growths[1] ?? growths[0] ?? 0) - MARGIN;
}

/**
 * The story unit's months closed on day 41, as the demo's posts give them: where it did not miss, its MT is
 * raised over its monthly actual (the rise taken from the months still to come, so MT still adds up to the
 * target); where its growth is not in the bottom two, its LY is raised until it is. `posts` are the
 * posts this very campaign gets: they never read MT or LY, so tuning does not move them.
 */
export function tuneDemoStory(data: CampaignData, posts: readonly PostDraft[]): Target[] {
  const { targets } = data;
  const { startDate } = data.campaign;
  const today = addDays(startDate, demoDaysElapsed);
  const story = targets.find((t) => t.unitId === demoStory.unit.id && t.metricId === demoStory.metric.id);
  if (!story?.monthly) return [...targets];
  const monthly = story.monthly.map((m) => ({ ...m }));
  const tuned = targets.map((t) => (t === story ? { ...t, monthly } : t));
  const open = monthly.filter((m) => !isClosed(m.period, today));
  for (const m of monthly.filter((x) => isClosed(x.period, today))) {
    const { row, others } = storyRow(data, tuned, posts, m.period);
    if (!row || row.flagged) continue;
    const MA = row.MA ?? 0;
    if (!row.missed) {
      const later = open.map((o) => cents(o.target ?? 0));
      const room = later.reduce((a, b) => a + b, 0);
      const rise = Math.min(room, cents(MA) + Math.max(1, cents(MA * 0.1)) - cents(m.target ?? 0));
      const rest = apportion(room - rise, later);
      m.target = fromCents(cents(m.target ?? 0) + rise);
      open.forEach((o, i) => (o.target = fromCents(rest[i]!)));
    }
    const g = row.growth;
    const below = g === null ? 0 : others.filter((o) => o.growth !== null && o.growth < g).length;
    const growth = growthInBottomTwo(others);
    if (below >= 2 && MA > 0 && 1 + growth > 0)
      m.lastYear = fromCents(Math.max(cents(m.lastYear ?? 0), Math.ceil((MA / (1 + growth)) * 100)));
  }
  return tuned;
}

/**
 * DEMO DATA — the 通报 of the month before the campaign, made from MT and LY alone (nothing was posted then):
 * MT is that month's share of the target at the campaign's pace, LY 80–110 % of it, and each unit's monthly
 * actual 85–120 % of MT — the story unit's set under its MT and last of its division by growth. Published
 * when the start month is the only closed one, so that its 通报 can show a unit flagged two months running.
 */
export function demoMonthBefore(data: CampaignData): ReviewDraft {
  const { startDate, endDate } = data.campaign;
  const period = previousPeriod(periodOf(startDate));
  const share = (daysBetween(`${period}-01`, periodEnd(period)) + 1) / (daysBetween(startDate, endDate) + 1);
  const metrics = reviewedMetrics(data);
  const reviewed = new Set(metrics.map((m) => m.id));
  const targets: Target[] = [];
  const actual = new Map<string, number>();
  for (const t of data.targets.filter((x) => reviewed.has(x.metricId))) {
    const rng = createRng(seedOf(`demo-before:${t.unitId}:${t.metricId}`));
    const mt = fromCents(Math.max(1, cents(t.target * share)));
    const ly = lastYearOf(mt, rng);
    targets.push({ ...t, monthly: [{ period, target: mt, lastYear: ly }] });
    actual.set(figureKey(t.unitId, t.metricId), fromCents(cents(mt * rng.between(0.85, 1.2))));
  }
  const division = new Set(data.units.filter((u) => u.division === demoStory.unit.division).map((u) => u.id));
  const peers = targets.filter((t) => t.metricId === demoStory.metric.id && division.has(t.unitId));
  const monthOf = (t: Target) => t.monthly![0]!;
  const growthOf = (t: Target) => actual.get(figureKey(t.unitId, t.metricId))! / monthOf(t).lastYear! - 1;
  const story = peers.find((t) => t.unitId === demoStory.unit.id);
  if (story) {
    const lowest = Math.min(...peers.filter((t) => t !== story).map(growthOf));
    const { target: mt, lastYear: ly } = monthOf(story);
    const ma = Math.min(cents(mt!) - 1, Math.floor(ly! * (1 + lowest - MARGIN) * 100));
    actual.set(figureKey(story.unitId, story.metricId), fromCents(Math.max(0, ma)));
  }
  return computeReview({
    campaignId: data.campaign.id,
    period,
    units: data.units,
    metrics,
    targets,
    closeNow: actual,
    closePrev: new Map(),
    flaggedBefore: new Set(),
  });
}
