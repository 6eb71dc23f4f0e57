/**
 * What the result after 发布 says: the figures posted (from → to), the unit's rank in its division before
 * and after (象珠镇 第 8 → 第 6 名，↑2), and the points to the unit just above now.
 */
import type { ActionOutput } from '../../../core/contract';
import { fmtNumber, withMeasure } from '../../lib/format';
import type { EditorMetric } from './validate';

type Detail = ActionOutput<'unit.detail'>;

export interface PostedFigure {
  metricId: string;
  value: number;
}

export interface ResultSummary {
  figures: string[];
  /** null when the rank could not be read after posting. */
  rank: string | null;
  gap: string | null;
}

export function resultSummary(
  rows: readonly EditorMetric[],
  figures: readonly PostedFigure[],
  before: Detail | null,
  after: Detail | null,
): ResultSummary {
  const lines = figures.map((f) => {
    const row = rows.find((r) => r.metric.id === f.metricId);
    if (!row) return `${f.metricId} ${fmtNumber(f.value)}`;
    const m = row.metric.measure;
    const from = row.current === null ? '未填报' : withMeasure(row.current, m);
    return `${row.metric.name}：${from} → ${withMeasure(f.value, m)}`;
  });
  if (!after) return { figures: lines, rank: null, gap: null };
  const now = after.standing.divisionRank;
  const was = before?.standing.divisionRank;
  const where = `${after.unit.name} · ${after.unit.division}组内`;
  const rank =
    was === undefined || was === now
      ? `${where}第 ${now} 名${was === now ? '（名次未变）' : ''}`
      : `${where}第 ${was} → ${now} 名，${was > now ? `↑${was - now}` : `↓${now - was}`}`;
  // The same words as the unit page's header.
  const gap =
    after.gapToPrev === null
      ? '组内第一，保持领先'
      : after.gapToPrev === 0
        ? '与组内上一名同分'
        : `距组内上一名还差 ${fmtNumber(after.gapToPrev, 1)} 分`;
  return { figures: lines, rank, gap };
}
