/**
 * The rule run inside the store's transaction (./store.ts `DecideFigures`): fill in each figure's
 * `previous` from the unit's latest value, and refuse to lower a running total (`cumulative`,
 * `count`) unless the post says why — then it is a recorded correction. Pure, so a store may retry it.
 */
import type { CampaignData } from '../campaigns/store';
import type { DecideFigures, PostDraft } from './store';
import { lowersRunningTotal } from '../../domain/corrections';

const formatNumber = (n: number): string => String(Number(n.toPrecision(12)));

export function decideFigures(data: Pick<CampaignData, 'metrics'>, draft: PostDraft): DecideFigures {
  const metricById = new Map(data.metrics.map((m) => [m.id, m]));
  return (latest) => {
    const lowered: string[] = [];
    const figures = draft.figures.map(({ metricId, value }) => {
      const previous = latest.get(metricId)?.value ?? null;
      const metric = metricById.get(metricId);
      if (metric && lowersRunningTotal(metric.kind, previous, value)) {
        const measure = metric.measure;
        lowered.push(
          `「${metric.name}」最新累计值为 ${formatNumber(previous ?? 0)}${measure}，本次填报 ${formatNumber(value)}${measure} 低于它`,
        );
      }
      return { metricId, value, previous };
    });
    const reason = draft.correctionReason?.trim() ?? '';
    if (lowered.length > 0 && reason === '') {
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `${lowered.join('；')}。累计数只增不减：如确需下调，请填写更正原因后再提交。`,
        },
      };
    }
    return { ok: true, figures };
  };
}
