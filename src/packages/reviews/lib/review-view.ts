/**
 * A 通报 (or its draft) laid out for reading: per division, one ranking per reviewed metric (best growth
 * first, units without a growth rate last, as core/domain/review.ts orders them), the units left out of
 * a ranking with the reason, and the units called to 约谈 with the metrics that flagged them.
 */
import {
  excludedReasons,
  levelNames,
  type InterviewLevel,
  type ReviewDraft,
  type ReviewMetric,
  type ReviewRow,
} from '../../../../core/contract';
import { periodName } from '../../../../core/domain/review';

export interface MetricTable {
  metric: ReviewMetric;
  rows: ReviewRow[];
}

export interface DivisionView {
  division: string;
  tables: MetricTable[];
}

export function divisionsOf(d: ReviewDraft): DivisionView[] {
  return d.divisions.map((div) => ({
    division: div.division,
    tables: d.metrics
      .map((metric) => ({ metric, rows: div.rows.filter((r) => r.metricId === metric.id) }))
      .filter((t) => t.rows.length > 0),
  }));
}

export interface ExcludedLine {
  unitName: string;
  metricName: string;
  reason: string;
}

export function excludedOf(d: ReviewDraft): ExcludedLine[] {
  const name = new Map(d.metrics.map((m) => [m.id, m.name]));
  return d.excluded.map((e) => ({
    unitName: e.unitName,
    metricName: name.get(e.metricId) ?? e.metricId,
    reason: excludedReasons[e.reason],
  }));
}

export interface FlaggedLine {
  unitId: string;
  unitName: string;
  division: string;
  level: InterviewLevel;
  levelName: string;
  metricNames: string[];
}

export function flaggedOf(d: ReviewDraft): FlaggedLine[] {
  const name = new Map(d.metrics.map((m) => [m.id, m.name]));
  return d.flagged.map((f) => ({
    unitId: f.unitId,
    unitName: f.unitName,
    division: f.division,
    level: f.level,
    levelName: levelNames[f.level],
    metricNames: f.metricIds.map((id) => name.get(id) ?? id),
  }));
}

/** 完成情况 in words and a mark (not colour alone); `missed` draws it in red. */
export function completionOf(r: Pick<ReviewRow, 'MT' | 'missed'>): { text: string; missed: boolean } {
  if (r.MT === null) return { text: '无月度目标', missed: false };
  return r.missed ? { text: '✗ 未完成', missed: true } : { text: '✓ 完成', missed: false };
}

/** 「2025年10月月度通报」, with the version when it is a correction. */
export const reviewTitle = (period: string, version?: number): string =>
  `${periodName(period)}月度通报${version !== undefined && version > 1 ? `（第 ${version} 版）` : ''}`;
