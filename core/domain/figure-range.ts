/**
 * Numbers nobody can have: the range a reported figure must fall in, checked by the server before a post
 * is written (core/app/posts/rules.ts) and by the editor before it is sent (src/pages/post/validate.ts),
 * with one message. Defaults, unless the campaign sets the metric's `range` ({min, max}, in its measure):
 * - a metric measured in `%` (whatever its kind or direction): 0–1000 % — a completion rate may pass 100 %
 *   (投资完成率 ≥ 120 %), but not tenfold;
 * - any other (a cumulative amount, a count, a rate in another measure): 0 to 100 × the unit's target.
 *   A unit may beat its target several times over, not a hundred times in one campaign; what does go past
 *   it is a slip of the unit of measure — 35000 typed for 3.5 亿元 (in 万元), a factor of 10 000 — which the
 *   message names with the number that was meant.
 * No figure is below 0 nor above 10 亿 whatever the range says: the contract's own bounds (FigureInput).
 * Amounts, counts, shares and rates all start at 0; the one kind of figure that could in reality fall below
 * it, a growth on the year's start (各项贷款余额比年初增加), is reported as a running total that only grows.
 */
import type { Metric } from '../contract';

export const PERCENT_MAX = 1000;
export const TARGET_MULTIPLE = 100;
/** The contract's cap on any figure (core/contract/actions.ts FigureInput). */
export const FIGURE_MAX = 1e9;

export type RangeRule = Pick<Metric, 'measure' | 'range'>;

export interface FigureRange {
  min: number;
  max: number;
  /** Where it comes from, for the message: the % default, the target default, the campaign, the contract alone. */
  basis: 'percent' | 'target' | 'campaign' | 'contract';
}

export const isPercent = (measure: string): boolean => measure.normalize('NFKC').trim() === '%';

/** The range of a figure of `metric` for a unit whose target is `target`. */
export function figureRange(metric: RangeRule, target: number): FigureRange {
  if (metric.range) return { min: metric.range.min, max: metric.range.max, basis: 'campaign' };
  if (isPercent(metric.measure)) return { min: 0, max: PERCENT_MAX, basis: 'percent' };
  // Without a usable target (the contract wants one > 0) there is no scale to judge by: the contract's cap.
  if (!(Number.isFinite(target) && target > 0)) return { min: 0, max: FIGURE_MAX, basis: 'contract' };
  return { min: 0, max: Math.min(target * TARGET_MULTIPLE, FIGURE_MAX), basis: 'target' };
}

/** Floating-point noise off (0.07 × 100 = 7.000000000000001 → "7"). */
const num = (n: number): string => String(Number(n.toPrecision(12)));
const withMeasure = (n: number, measure: string): string =>
  isPercent(measure) ? `${num(n)}%` : measure === '' ? num(n) : `${num(n)} ${measure}`;

/** The smaller units a measure in 亿… or 万… is often typed in by mistake, and how many of them make one. */
function smallerUnits(measure: string): Array<[unit: string, factor: number]> {
  const m = measure.trim();
  const rest = m.slice(1);
  if (rest === '') return [];
  if (m.startsWith('亿'))
    return [
      [`万${rest}`, 1e4],
      [rest, 1e8],
    ];
  if (m.startsWith('万')) return [[rest, 1e4]];
  return [];
}

/**
 * What to do: write a percentage as its number; or, for a measure in 亿… or 万…, the number meant if it was
 * typed in a smaller unit — above 100 × the target an extra digit is unlikely, a unit slip is not; or check.
 */
function hint(metric: RangeRule, range: FigureRange, value: number): string {
  const m = metric.measure.trim();
  if (value > range.max && range.basis === 'percent') return '请填写百分数的数字部分，如 85% 填 85。';
  const meant =
    value > range.max && smallerUnits(m).find(([, f]) => value / f >= range.min && value / f <= range.max);
  if (meant) return `请按「${m}」填写：若 ${num(value)} 是按${meant[0]}计的，应填 ${num(value / meant[1])}。`;
  return m === '' || isPercent(m) ? '请核对数值。' : `请核对数值和单位（应按「${m}」填写）。`;
}

/**
 * The Chinese message for a figure outside its range, saying the range (in the metric's measure), where it
 * comes from and what to do; null when the figure is plausible.
 */
export function figureRangeProblem(
  metric: RangeRule & Pick<Metric, 'name'>,
  target: number,
  value: number,
): string | null {
  const range = figureRange(metric, target);
  if (value >= range.min && value <= range.max) return null;
  const m = metric.measure.trim();
  const why =
    range.basis === 'percent'
      ? '百分数'
      : range.basis === 'target'
        ? `不超过目标 ${withMeasure(target, m)} 的 ${TARGET_MULTIPLE} 倍`
        : range.basis === 'campaign'
          ? '本竞赛为该指标设定的范围'
          : // In the field's own measure: "10 亿" next to 亿元 would read as 10 亿元.
            `填报数值的上限为 ${withMeasure(FIGURE_MAX, m)}`;
  const span = `${num(range.min)}–${withMeasure(range.max, m)}`;
  return `「${metric.name}」应在 ${span} 之间（${why}），你填的是 ${withMeasure(value, m)}。${hint(metric, range, value)}`;
}
