/**
 * 拆槛除障 as bars: for each cause category, its problems not yet closed off (未销号), overdue (逾期) and
 * closed off (已销号). Told apart by the legend's shapes and the number on every bar as well as colour;
 * the same figures are written out under the chart.
 */
import { problemCategoryNames, type ProblemCategory } from '../../../../../core/contract';
import { chartFontSize } from '../../../unit/components/Chart/chartFont';
import { fontScale } from '../../../unit/components/Chart/fontScale';
import type { BlockersOption } from './echarts';

export interface CategoryCount {
  category: ProblemCategory;
  open: number;
  overdue: number;
  closed: number;
}

export const blockerSeries = [
  { key: 'open', name: '未销号', color: '#b4530b', icon: 'rect' },
  { key: 'overdue', name: '逾期', color: '#c62828', icon: 'triangle' },
  { key: 'closed', name: '已销号', color: '#136e32', icon: 'circle' },
] as const;

/** `scale`: the user's text size over 16 px (chart text does not follow CSS). */
export function blockersOption(rows: readonly CategoryCount[], scale: number = fontScale()): BlockersOption {
  const size = (base: number) => chartFontSize(scale, base);
  return {
    animation: false,
    legend: {
      top: 0,
      itemWidth: size(14),
      itemHeight: size(14),
      textStyle: { fontSize: size(12) },
      data: blockerSeries.map((s) => ({ name: s.name, icon: s.icon })),
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: size(12) } },
    grid: { left: 8, right: 8, top: size(40), bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => problemCategoryNames[r.category]),
      axisLabel: { fontSize: size(12), interval: 0, color: '#333333' },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: size(11), color: '#545454' } },
    series: blockerSeries.map((s) => ({
      type: 'bar',
      name: s.name,
      data: rows.map((r) => r[s.key]),
      itemStyle: { color: s.color },
      barGap: '10%',
      label: { show: true, position: 'top', fontSize: size(10), color: '#333333' },
    })),
  };
}
