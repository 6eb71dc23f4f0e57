/**
 * The 通报 of a month as the figures give it now: the reviewed metrics, the closes of the month and of the
 * month before (一数一报: monthly actuals come from what was reported, nobody types a figure twice), and who
 * was flagged the month before — by its published 通报, or, when none was published, as its figures give it.
 */
import { fail, ok, type Period, type Result, type ReviewDraft } from '../../contract';
import {
  campaignPeriods,
  computeReview,
  figureKey,
  isClosed,
  periodEnd,
  periodName,
  previousPeriod,
  type ReviewedMetric,
} from '../../domain/review';
import type { CampaignView } from '../campaigns/view';
import type { Deps } from '../ports';

const reviewedMetrics = (view: CampaignView): ReviewedMetric[] =>
  view.data.metrics
    .filter((m) => m.reviewed)
    .map((m) => ({ id: m.id, name: m.name, measure: m.measure, kind: m.kind }));

/** Each (unit, metric)'s value at the close of the month; nothing before the campaign began. */
async function closeOf(deps: Deps, view: CampaignView, period: Period): Promise<Map<string, number>> {
  const { campaign } = view.data;
  const end = periodEnd(period);
  if (end < campaign.startDate) return new Map();
  const figures = await deps.store.standings.figuresAsOf(campaign.id, end);
  return new Map(figures.map((f) => [figureKey(f.unitId, f.metricId), f.value]));
}

/** NOT_FOUND for a month the campaign does not touch, CONFLICT for one not over yet. */
export function checkPeriod(view: CampaignView, period: Period, today: string): Result<null> {
  const { campaign } = view.data;
  if (!campaignPeriods(campaign.startDate, campaign.endDate).includes(period))
    return fail('NOT_FOUND', `${periodName(period)}不在「${campaign.name}」的竞赛期内（${campaign.startDate} 至 ${campaign.endDate}）。`);
  if (!isClosed(period, today))
    return fail('CONFLICT', `${periodName(period)}尚未结束，月末之后才能生成通报。`);
  return ok(null);
}

async function draftWith(
  deps: Deps,
  view: CampaignView,
  period: Period,
  flaggedBefore: ReadonlySet<string>,
): Promise<ReviewDraft> {
  const [closeNow, closePrev] = await Promise.all([
    closeOf(deps, view, period),
    closeOf(deps, view, previousPeriod(period)),
  ]);
  return computeReview({
    campaignId: view.data.campaign.id,
    period,
    units: view.data.units,
    metrics: reviewedMetrics(view),
    targets: view.data.targets,
    closeNow,
    closePrev,
    flaggedBefore,
  });
}

/** The units flagged in the month before `period`: its latest published 通报, else its figures. */
async function flaggedBefore(deps: Deps, view: CampaignView, period: Period): Promise<Set<string>> {
  const { campaign } = view.data;
  const prev = previousPeriod(period);
  const published = await deps.store.reviews.getReview(campaign.id, prev);
  if (published) return new Set(published.flagged.map((f) => f.unitId));
  if (periodEnd(prev) < campaign.startDate) return new Set();
  const draft = await draftWith(deps, view, prev, new Set());
  return new Set(draft.flagged.map((f) => f.unitId));
}

export async function draftReview(deps: Deps, view: CampaignView, period: Period): Promise<ReviewDraft> {
  return draftWith(deps, view, period, await flaggedBefore(deps, view, period));
}
