/**
 * ECharts trimmed to the division's score bars: the bar chart on the same echarts/core (canvas renderer,
 * grid, tooltip, the reference line) the trend registers, so the package carries one core.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { echarts } from '../Chart/echarts';

echarts.use([BarChart]);

export type ScoreBarsOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;
export { echarts };
