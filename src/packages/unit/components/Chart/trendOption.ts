/**
 * The trend as an ECharts option: completion (solid, dots) against 序时 (dashed) and the target, completion
 * 100 % (dotted, labelled 目标) — told apart by line style and words, not colour only.
 */
import type { TrendPoint } from './Chart.types';
import type { TrendOption } from './echarts';
import { chartFontSize } from './chartFont';
import { fontScale } from './fontScale';

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

export const TARGET_COLOR = '#136e32';

/** The axis reaches the target line at least, and ends on a 20 % step above the data. */
const axisTop = ({ max }: { max: number }): number => Math.max(1, Math.ceil(max * 5) / 5);

/** `scale`: the user's text size over 16 px; text and the room kept for it grow with it. */
export function trendOption(points: TrendPoint[], scale: number = fontScale()): TrendOption {
  const size = (base: number) => chartFontSize(scale, base);
  const text = { fontSize: size(12) };
  return {
    animation: false,
    grid: { left: size(48), right: 16, top: size(40), bottom: size(28) },
    legend: {
      top: 0,
      itemWidth: size(28),
      itemHeight: size(14),
      textStyle: text,
      data: ['完成率', '序时进度'],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: text,
      valueFormatter: (v) => (typeof v === 'number' ? pct(v) : String(v)),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      axisLabel: text,
      data: points.map((p) => p.day.slice(5)),
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: axisTop,
      axisLabel: { ...text, formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series: [
      {
        name: '完成率',
        type: 'line',
        data: points.map((p) => p.completion),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 3, color: '#1f56c8' },
        itemStyle: { color: '#1f56c8' },
        // The target: every metric at 100 % of its target (by the end day).
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { width: 2, type: 'dotted', color: TARGET_COLOR },
          label: {
            position: 'insideEndTop',
            formatter: '目标 100%',
            fontSize: size(12),
            color: TARGET_COLOR,
          },
          data: [{ yAxis: 1, name: '目标' }],
        },
      },
      {
        name: '序时进度',
        type: 'line',
        data: points.map((p) => p.timeProgress),
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: '#545454' },
        itemStyle: { color: '#545454' },
      },
    ],
  };
}
