/**
 * What a reporter types into a figure field, read strictly, and the figures worth a second look before
 * they are posted. Pure rules the editor applies (src/pages/post/validate.ts); the server checks the
 * number itself again (core/domain/figure-range.ts).
 *
 * - Typing: ASCII or full-width digits (１２．５, as Chinese input methods give) with at most one point.
 *   Anything else — a letter, a minus, a second point, a thousands comma — is refused with a message
 *   saying what is wrong; the text is never rewritten into some other number.
 * - A second look: a figure that moves by more than `jumpMultiple` (the campaign's, default 5) times the
 *   unit's typical gain since its last value, or that lands past 2 × the target, is asked about
 *   ("比上次多 14.4 亿元，是否确认？"). The typical gain is what a week brings at the pace that meets the
 *   target over the campaign: target × 7 / campaign days (at least a day of it). It only asks: a real
 *   leap (a big project signed) is posted once confirmed.
 */
import type { Metric } from '../contract';
import { isPercent } from './figure-range';

export const DEFAULT_JUMP_MULTIPLE = 5;
/** The days of gain called "typical" for one post: reporters post about weekly. */
export const TYPICAL_GAIN_DAYS = 7;
/** Past this many times the target a figure is asked about. */
export const TARGET_CONFIRM_MULTIPLE = 2;

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** Full-width digits and point as their ASCII selves; nothing else changes. */
export function toAsciiDigits(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0E/g, '.');
}

export type ParsedFigure = { value: number } | { error: string };

/** The number typed, or what is wrong with it (Chinese, says what to do). Blank is not a figure: check first. */
export function parseFigureText(raw: string): ParsedFigure {
  const s = toAsciiDigits(raw).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (s === '') return { error: '请填写数字' };
  if (/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return { value: Number(s) };
  if (/^[-－−]/.test(s)) return { error: '数值不能为负数：请填写 0 或正数' };
  if ((s.match(/\./g) ?? []).length > 1) return { error: `「${raw.trim()}」有多个小数点：只能有一个` };
  if (/[,，]/.test(s)) return { error: '请不要加千分位逗号：如 12,500 填 12500' };
  return { error: `「${raw.trim()}」不是数字：只能填数字和一个小数点，如 12.5` };
}

export interface JumpCheck {
  metric: Pick<Metric, 'name' | 'measure' | 'kind'>;
  /** The unit's latest value; null before its first report. */
  previous: number | null;
  target: number;
  value: number;
  /** Days the campaign runs (start to end, both counted). */
  campaignDays: number;
  /** Campaign.jumpMultiple; default DEFAULT_JUMP_MULTIPLE. */
  multiple?: number;
}

const num = (n: number): string => String(Number(n.toPrecision(12)));
const withMeasure = (n: number, measure: string): string => {
  const m = measure.trim();
  return isPercent(m) ? `${num(n)}%` : m === '' ? num(n) : `${num(n)} ${m}`;
};

/** What one post of this unit typically adds: a week at the pace that meets the target on time. */
export function typicalGain(target: number, campaignDays: number): number {
  const days = Math.max(1, campaignDays);
  return (target * Math.min(TYPICAL_GAIN_DAYS, days)) / days;
}

/**
 * The question to ask before posting `value`, or null when it looks ordinary: a move from the last value
 * of more than multiple × the typical gain, or a figure past 2 × the target (both may be said at once).
 */
export function jumpQuestion(c: JumpCheck): string | null {
  const m = c.metric.measure;
  const parts: string[] = [];
  if (c.previous !== null && c.target > 0) {
    const limit = (c.multiple ?? DEFAULT_JUMP_MULTIPLE) * typicalGain(c.target, c.campaignDays);
    const delta = c.value - c.previous;
    if (Math.abs(delta) > limit) {
      parts.push(`比上次${delta > 0 ? '多' : '少'} ${withMeasure(Math.abs(delta), m)}`);
    }
  }
  if (c.target > 0 && c.value > c.target * TARGET_CONFIRM_MULTIPLE && c.value !== c.previous) {
    parts.push(`超过目标 ${withMeasure(c.target, m)} 的 ${TARGET_CONFIRM_MULTIPLE} 倍`);
  }
  if (parts.length === 0) return null;
  return `「${c.metric.name}」填 ${withMeasure(c.value, m)}，${parts.join('，')}，是否确认？`;
}
