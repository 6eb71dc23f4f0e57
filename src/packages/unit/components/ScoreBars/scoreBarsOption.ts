/**
 * A division's composite scores as bars, highest at the top, with 序时参考 as a dashed line: the 比绩效
 * of a unit exactly on schedule (core/domain/schedule-reference.ts). The viewer's own unit is named
 * （本单位） and drawn in another colour; each bar carries its score, so nothing is read by colour alone.
 */
import type { StandingRow } from '../../../../../core/contract';
import { scheduleReferenceScore } from '../../../../../core/domain/schedule-reference';
import { fmtNumber } from '../../../../lib/format';
import { chartFontSize } from '../Chart/chartFont';
import { fontScale } from '../Chart/fontScale';
import type { ScoreBarsOption } from './echarts';

export type ScoreBar = Pick<StandingRow, 'unitId' | 'unitName' | 'score'>;

export const BAR_COLOR = '#1f56c8';
export const OWN_COLOR = '#b4530b';
export const REFERENCE_COLOR = '#545454';
/** Composite scores are means of 0–150 dimensions: one scale for every division, so pictures compare. */
export const SCORE_MAX = 150;

/** Highest score first; equal scores keep the order they came in (the server's tie-breaks). */
export function byScore<R extends Pick<StandingRow, 'score'>>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => b.score - a.score);
}

/** The bars' box in design px (750 wide): a row per unit, room for the reference label and the axis. */
export function scoreBarsHeight(count: number, scale: number = fontScale()): number {
  const s = Math.max(1, scale);
  return Math.round((96 + Math.max(count, 1) * 60) * s);
}

const one = (n: number) => Math.round(n * 10) / 10;

/** `scale`: the user's text size over 16 px (chart text does not follow CSS). */
export function scoreBarsOption(
  rows: readonly ScoreBar[],
  timeProgress: number,
  ownUnitId: string | null,
  scale: number = fontScale(),
): ScoreBarsOption {
  const size = (base: number) => chartFontSize(scale, base);
  const sorted = byScore(rows);
  const reference = one(scheduleReferenceScore(timeProgress));
  return {
    animation: false,
    grid: { left: 8, right: size(36), top: size(28), bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      textStyle: { fontSize: size(12) },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: SCORE_MAX,
      interval: 50,
      axisLabel: { fontSize: size(11), color: '#545454' },
    },
    yAxis: {
      type: 'category',
      // The first row at the top.
      inverse: true,
      data: sorted.map((r) => (r.unitId === ownUnitId ? `${r.unitName}（本单位）` : r.unitName)),
      axisTick: { show: false },
      axisLabel: { fontSize: size(12), color: '#333333' },
    },
    series: [
      {
        type: 'bar',
        name: '综合得分',
        barMaxWidth: size(22),
        data: sorted.map((r) => ({
          value: one(r.score),
          itemStyle: { color: r.unitId === ownUnitId ? OWN_COLOR : BAR_COLOR },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: size(11),
          color: '#333333',
          formatter: ({ value }: { value: unknown }) => fmtNumber(Number(value), 1),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: REFERENCE_COLOR },
          label: {
            // The axis runs top-down (inverse), so the line starts at the top: its words above the bars.
            position: 'start',
            formatter: `序时参考 ${fmtNumber(reference, 1)}`,
            fontSize: size(11),
            color: REFERENCE_COLOR,
          },
          data: [{ xAxis: reference, name: '序时参考' }],
        },
      },
    ],
  };
}
