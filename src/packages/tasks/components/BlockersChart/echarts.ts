/**
 * ECharts trimmed to the 拆槛除障 bars: the bar chart on the same echarts/core (canvas renderer, grid,
 * tooltip, legend) the unit page's charts register, so this package carries one core and none of the rest.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { echarts } from '../../../unit/components/Chart/echarts';

echarts.use([BarChart]);

export type BlockersOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;
export { echarts };
