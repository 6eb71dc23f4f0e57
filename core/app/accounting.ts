/**
 * The campaign's end (DOMAIN.md "The monthly review and its sanctions"): once the late window is over
 * (`lateDays` after the end day) the figures are final, and every target a unit missed owes a 书面说明
 * due `explainDays` later and costs `pointsPerMiss` assessment points in the ledger, with the reason and
 * the link to its explanation. Made once: ids come from what they are about, and only those not made yet
 * are written — whoever asks first (a reader of the lists, or the daily job) makes them. Shared by the
 * reviews area and the reminder jobs.
 */
import { addDays, dayOf } from '../domain/days';
import { DEFAULT_LATE_DAYS } from '../domain/posting-window';
import {
  DEFAULT_EXPLAIN_DAYS,
  DEFAULT_POINTS_PER_MISS,
  figureKey,
  missedTargets,
} from '../domain/review';
import type { CampaignView } from './campaigns/view';
import type { Deps } from './ports';
import type { ExplanationRecord, LedgerRecord } from './reviews/store';

/** The first day a campaign's figures are final: the day after its late window. */
export const finalDay = (view: CampaignView): string => {
  const { campaign } = view.data;
  return addDays(campaign.endDate, (campaign.lateDays ?? DEFAULT_LATE_DAYS) + 1);
};

const fmt = (v: number): string => String(Math.round(v * 1e4) / 1e4);

export interface Accounts {
  explanations: ExplanationRecord[];
  ledger: LedgerRecord[];
}

/** The campaign's explanation requests and ledger, made first when they are due and not made yet. */
export async function settleAccounts(deps: Deps, view: CampaignView, now: number): Promise<Accounts> {
  const { store } = deps;
  const { campaign } = view.data;
  const [explanations, ledger] = await Promise.all([
    store.reviews.listExplanations(campaign.id),
    store.reviews.listLedger(campaign.id),
  ]);
  const opens = finalDay(view);
  if (dayOf(now, campaign.timezone) < opens) return { explanations, ledger };

  const finals = await store.standings.latestFigures(campaign.id);
  const values = new Map(finals.map((f) => [figureKey(f.unitId, f.metricId), f.value]));
  const directions = new Map(view.data.metrics.map((m) => [m.id, m.direction]));
  const missed = missedTargets(view.data.targets, directions, values);
  const dueDay = addDays(opens, campaign.explainDays ?? DEFAULT_EXPLAIN_DAYS);
  const points = campaign.pointsPerMiss ?? DEFAULT_POINTS_PER_MISS;
  const haveExplanation = new Set(explanations.map((e) => e.id));
  const haveEntry = new Set(ledger.map((l) => l.id));

  const newExplanations: ExplanationRecord[] = [];
  const newEntries: LedgerRecord[] = [];
  for (const m of missed) {
    const id = `${campaign.id}:${m.unitId}:${m.metricId}`;
    if (!haveExplanation.has(id))
      newExplanations.push({
        id,
        cityId: view.data.cityId,
        campaignId: campaign.id,
        unitId: m.unitId,
        metricId: m.metricId,
        target: m.target,
        value: m.value,
        dueDay,
        status: 'requested',
        text: '',
        photos: [],
        submittedAt: null,
        submittedById: null,
        submittedByName: null,
        decidedAt: null,
        decidedById: null,
        decidedByName: null,
        returnReason: null,
        submissions: 0,
        createdAt: now,
        updatedAt: now,
      });
    if (points > 0 && !haveEntry.has(`deduct:${id}`)) {
      const metric = view.metricById.get(m.metricId);
      const measure = metric?.measure ?? '';
      newEntries.push({
        id: `deduct:${id}`,
        cityId: view.data.cityId,
        campaignId: campaign.id,
        unitId: m.unitId,
        points: -points,
        reason: `「${metric?.name ?? m.metricId}」未完成目标：目标 ${fmt(m.target)}${measure}，完成 ${m.value === null ? '未填报' : `${fmt(m.value)}${measure}`}`,
        sourceKind: 'explanation',
        sourceId: id,
        at: now,
        byId: 'system',
        requestId: null,
      });
    }
  }
  if (newExplanations.length === 0 && newEntries.length === 0) return { explanations, ledger };
  // Explanations first: a deduction always has the explanation it links to.
  if (newExplanations.length > 0) await store.reviews.addExplanations(newExplanations);
  if (newEntries.length > 0) await store.reviews.appendLedger(newEntries);
  const [afterExplanations, afterLedger] = await Promise.all([
    store.reviews.listExplanations(campaign.id),
    store.reviews.listLedger(campaign.id),
  ]);
  return { explanations: afterExplanations, ledger: afterLedger };
}
