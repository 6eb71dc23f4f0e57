/**
 * The editor's checks, in Chinese, before anything is sent (the server checks again with the same
 * contract): numbers in 0–1e9 and in the metric's plausible range (core/domain/figure-range.ts, the
 * server's own rule and message), and a running total that goes down needs a correction reason — asked
 * by the very rule the server's `decideFigures` applies (core/domain/corrections.ts).
 */
import type { ActionArgs } from '../../../core/contract';
import { lowersRunningTotal } from '../../../core/domain/corrections';
import { figureRangeProblem } from '../../../core/domain/figure-range';
import type { MetricInfo } from '../../lib/arena';
import { fmtNumber } from '../../lib/format';

/** A metric as the editor offers it: with the unit's current value and target. */
export interface EditorMetric {
  metric: MetricInfo;
  current: number | null;
  target: number;
}

export interface DraftFields {
  /** metricId → what was typed. */
  values: Record<string, string>;
  text: string;
  correctionReason: string;
}

export interface Checked {
  figures: FigureInput[];
  /** metricId → what is wrong with it. */
  fieldErrors: Record<string, string>;
  /** Running totals (cumulative, count) entered lower than before. */
  decreased: string[];
  reasonError: string | null;
  formError: string | null;
  ok: boolean;
}

type FigureInput = ActionArgs<'post.create'>['figures'][number];

export const MAX_VALUE = 1e9;
export const MAX_TEXT = 2000;

export function parseFigure(raw: string): { value: number } | { error: string } {
  const s = raw.trim();
  if (!/^-?\d*\.?\d+$|^-?\d+\.$/.test(s)) return { error: '请输入数字' };
  const value = Number(s);
  if (value < 0) return { error: '数值不能小于 0' };
  if (value > MAX_VALUE) return { error: '数值不能超过 10 亿' };
  return { value };
}

export function checkDraft(draft: DraftFields, rows: EditorMetric[]): Checked {
  const figures: FigureInput[] = [];
  const fieldErrors: Record<string, string> = {};
  const decreased: string[] = [];
  for (const row of rows) {
    const raw = draft.values[row.metric.id] ?? '';
    if (raw.trim() === '') continue;
    const parsed = parseFigure(raw);
    if ('error' in parsed) {
      fieldErrors[row.metric.id] = parsed.error;
      continue;
    }
    const implausible = figureRangeProblem(row.metric, row.target, parsed.value);
    if (implausible) {
      fieldErrors[row.metric.id] = implausible;
      continue;
    }
    if (lowersRunningTotal(row.metric.kind, row.current, parsed.value)) {
      decreased.push(row.metric.id);
    }
    figures.push({ metricId: row.metric.id, value: parsed.value });
  }
  const needReason = decreased.length > 0 && draft.correctionReason.trim() === '';
  const names = decreased.map((id) => {
    const row = rows.find((r) => r.metric.id === id);
    return row ? `${row.metric.name}（上次 ${fmtNumber(row.current ?? 0)}）` : id;
  });
  const reasonError = needReason
    ? `累计数只增不减：${names.join('、')}比上次低，如确需更正请填写更正原因`
    : null;
  let formError: string | null = null;
  if (draft.text.length > MAX_TEXT) formError = `说明不能超过 ${MAX_TEXT} 字`;
  else if (figures.length === 0 && Object.keys(fieldErrors).length === 0 && draft.text.trim() === '') {
    formError = '请至少填写一项指标或一段说明';
  }
  const ok = Object.keys(fieldErrors).length === 0 && !reasonError && !formError;
  return { figures, fieldErrors, decreased, reasonError, formError, ok };
}
