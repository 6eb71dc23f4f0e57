/**
 * The editor's checks, in Chinese, before anything is sent (the server checks again with the same
 * contract): what was typed read strictly (core/domain/figure-entry.ts: full-width digits accepted,
 * anything else refused, never rewritten), in the metric's plausible range (core/domain/figure-range.ts,
 * the server's own rule and message), a running total that goes down needs a correction reason — asked
 * by the very rule the server's `decideFigures` applies (core/domain/corrections.ts) — and a figure far
 * from the last one or from the target is asked about before sending (`jumps`).
 */
import type { ActionArgs } from '../../../core/contract';
import { lowersRunningTotal } from '../../../core/domain/corrections';
import { jumpQuestion, parseFigureText, type ParsedFigure } from '../../../core/domain/figure-entry';
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
  /** metricId → the question to confirm before sending (a big move, or past 2 × the target). */
  jumps: Record<string, string>;
  ok: boolean;
}

/** The campaign's scale for `jumps`: its length in days and its Campaign.jumpMultiple. */
export interface JumpScale {
  campaignDays: number;
  multiple?: number;
}

type FigureInput = ActionArgs<'post.create'>['figures'][number];

export const MAX_TEXT = 2000;

/** The upper bound (10 亿, in the field's measure) is the range check's, said with the measure. */
export const parseFigure = (raw: string): ParsedFigure => parseFigureText(raw);

export function checkDraft(draft: DraftFields, rows: EditorMetric[], scale?: JumpScale): Checked {
  const figures: FigureInput[] = [];
  const fieldErrors: Record<string, string> = {};
  const decreased: string[] = [];
  const jumps: Record<string, string> = {};
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
    const question =
      scale &&
      jumpQuestion({
        metric: row.metric,
        previous: row.current,
        target: row.target,
        value: parsed.value,
        campaignDays: scale.campaignDays,
        ...(scale.multiple === undefined ? {} : { multiple: scale.multiple }),
      });
    if (question) jumps[row.metric.id] = question;
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
  return { figures, fieldErrors, decreased, reasonError, formError, jumps, ok };
}
