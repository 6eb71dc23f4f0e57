/**
 * ECharts trimmed to the comparison radar: the radar chart and its coordinate system with a legend, on the
 * same echarts/core (and canvas renderer) the trend chart registers, so the package carries one core.
 */
import { RadarChart, type RadarSeriesOption } from 'echarts/charts';
import {
  LegendComponent,
  RadarComponent,
  type LegendComponentOption,
  type RadarComponentOption,
} from 'echarts/components';
import { echarts } from '../Chart/echarts';

echarts.use([RadarChart, RadarComponent, LegendComponent]);

export type RadarOption = echarts.ComposeOption<
  RadarSeriesOption | RadarComponentOption | LegendComponentOption
>;
export { echarts };
