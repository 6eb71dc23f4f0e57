/**
 * `board.leaderboard`: the standings of the current campaign today, overall or for one track, for
 * the whole city or one division, with each unit's rank change since the previous day's close in
 * that same view. τ and "as of" come from the Clock.
 */
import { fail, ok, type Result, type StandingRow } from '../../contract';
import { dayOf, isoOf } from '../../domain/days';
import { rankDelta } from '../../domain/rank-change';
import type { UnitStanding } from '../../domain/standings';
import type { Route, UserCtx } from '../context';
import { callerCampaign } from '../campaigns/view';
import type { CampaignView } from '../campaigns/view';
import type { StandingsView } from './cache';

export function standingRow(s: UnitStanding, rank: number, delta: number | null): StandingRow {
  return {
    rank,
    overallRank: s.overallRank,
    divisionRank: s.divisionRank,
    unitId: s.unitId,
    unitName: s.unitName,
    division: s.division,
    score: s.score,
    dims: { ...s.dims },
    completion: s.completion,
    pace: s.pace,
    light: s.light,
    lightCounts: { ...s.lightCounts },
    unreported: s.unreported,
    worstMetricId: s.worstMetricId,
    worst: worstOf(s),
    rankDelta: delta,
  };
}

/** The figures of the metric furthest behind, as the row names it. */
function worstOf(s: UnitStanding): StandingRow['worst'] {
  const m = s.worstMetricId === null ? undefined : s.metrics.find((x) => x.metricId === s.worstMetricId);
  if (!m) return null;
  return {
    metricId: m.metricId,
    light: m.light,
    reported: m.value !== null,
    completion: m.completion,
    expected: m.expected,
  };
}

/** Today's standings of a campaign of the caller's city (cached per data version). */
export async function standingsNow(
  ctx: UserCtx,
  campaignId: string | undefined,
  trackId?: string,
): Promise<Result<{ view: CampaignView; standings: StandingsView; now: number }>> {
  const cur = await callerCampaign(ctx, ctx.user, campaignId);
  if (!cur.ok) return cur;
  const view = cur.data;
  if (trackId !== undefined && !view.trackById.has(trackId))
    return fail('NOT_FOUND', `子活动「${trackId}」不存在。`);
  const now = ctx.deps.clock.now();
  const day = dayOf(now, view.data.campaign.timezone);
  const standings = await ctx.state.standings.get(ctx.deps.store, view, day, trackId, now);
  return ok({ view, standings, now });
}

export const leaderboard: Route<'board.leaderboard'> = {
  access: 'user',
  run: async (ctx, { campaignId, trackId, division }) => {
    const found = await standingsNow(ctx, campaignId, trackId);
    if (!found.ok) return found;
    const { view, standings, now } = found.data;
    if (division !== undefined && !view.divisions.has(division))
      return fail('NOT_FOUND', `分组「${division}」不存在。`);
    return ok({
      asOf: isoOf(now),
      timeProgress: standings.today.timeProgress,
      rows: rowsOf(standings, division),
    });
  },
};

/**
 * The rows of one view, made once per standings (which the cache keeps until the next write): a cached
 * read of a 2 000-unit city would otherwise rebuild 2 000 rows on every call. Shared, so never mutated.
 */
const madeRows = new WeakMap<StandingsView, Map<string, StandingRow[]>>();

function rowsOf(standings: StandingsView, division: string | undefined): StandingRow[] {
  let byDivision = madeRows.get(standings);
  if (!byDivision) madeRows.set(standings, (byDivision = new Map()));
  const key = division ?? '';
  const hit = byDivision.get(key);
  if (hit) return hit;
  const rankOf = (s: UnitStanding) => (division === undefined ? s.overallRank : s.divisionRank);
  const before = standings.previous
    ? new Map(standings.previous.rows.map((s) => [s.unitId, rankOf(s)]))
    : null;
  const rows = standings.today.rows
    .filter((s) => division === undefined || s.division === division)
    .map((s) => standingRow(s, rankOf(s), before ? rankDelta(rankOf(s), before.get(s.unitId)) : null));
  byDivision.set(key, rows);
  return rows;
}
