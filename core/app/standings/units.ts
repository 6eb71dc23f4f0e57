/**
 * `unit.detail`: one unit's standing (its overall leaderboard row), each metric with what is left and
 * what it needs per day (赶), the points to the unit just above in its division, and the figures
 * behind every number; and `unit.trend`, its completion day by day against 序时.
 */
import { fail, ok, type ActionOutput } from '../../contract';
import { gapToPrev } from '../../domain/catch-up';
import { dayOf } from '../../domain/days';
import { completionTrend } from '../../domain/trend';
import { rankDelta } from '../../domain/rank-change';
import type { MetricDetail } from '../../domain/metric-standing';
import type { Route } from '../context';
import { callerCampaign } from '../campaigns/view';
import { standingRow, standingsNow } from './leaderboard';

type MetricOut = ActionOutput<'unit.detail'>['metrics'][number];

const metricOut = (m: MetricDetail): MetricOut => ({
  metricId: m.metricId,
  target: m.target,
  value: m.value,
  completion: m.completion,
  pace: m.pace,
  light: m.light,
  remaining: m.remaining,
  perDayNeeded: m.perDayNeeded,
  behindSchedule: m.behindSchedule,
  expected: m.expected,
  baselineValue: m.baselineValue,
  city: m.city ? { ...m.city } : null,
  dims: { ...m.dims },
});

export const unitDetail: Route<'unit.detail'> = {
  access: 'user',
  run: async (ctx, { campaignId, unitId }) => {
    const found = await standingsNow(ctx, campaignId);
    if (!found.ok) return found;
    const { view, standings } = found.data;
    const unit = view.unitById.get(unitId);
    if (!unit) return fail('NOT_FOUND', `单位「${unitId}」不存在。`);
    const row = standings.today.rows.find((r) => r.unitId === unitId);
    if (!row) return fail('NOT_FOUND', `「${unit.name}」没有分配指标目标，不参加排名。`);
    const before = standings.previous?.rows.find((r) => r.unitId === unitId);
    const delta = standings.previous ? rankDelta(row.overallRank, before?.overallRank) : null;
    const division = standings.today.rows.filter((r) => r.division === unit.division);
    return ok({
      unit: { ...unit },
      standing: standingRow(row, row.overallRank, delta),
      metrics: row.metrics.map(metricOut),
      gapToPrev: gapToPrev(division, unitId),
      timeProgress: standings.today.timeProgress,
      effortSince: standings.today.effortSince,
      effortSpan: standings.today.effortSpan,
      quality: { counted: row.quality.counted, onTime: row.quality.onTime },
    });
  },
};

export const unitTrend: Route<'unit.trend'> = {
  access: 'user',
  run: async (ctx, { campaignId, unitId }) => {
    const { store, clock } = ctx.deps;
    const cur = await callerCampaign(ctx, ctx.user, campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const unit = view.unitById.get(unitId);
    if (!unit) return fail('NOT_FOUND', `单位「${unitId}」不存在。`);
    const { campaign, targets } = view.data;
    const assigned = targets.flatMap((t) => {
      const metric = t.unitId === unitId ? view.metricById.get(t.metricId) : undefined;
      return metric ? [{ metric, target: t.target }] : [];
    });
    // Reads one unit's daily figures: grows with days × metrics, never with posts.
    const daily = assigned.length > 0 ? await store.standings.unitDailyFigures(campaign.id, unitId) : [];
    const today = dayOf(clock.now(), campaign.timezone);
    return ok({
      points: completionTrend({ start: campaign.startDate, end: campaign.endDate, today, assigned, daily }),
    });
  },
};
