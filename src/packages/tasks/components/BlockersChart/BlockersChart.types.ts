/** The 拆槛除障 chart's props, shared by the browser (BlockersChart.h5.tsx) and WeChat (BlockersChart.weapp.tsx). */
import type { CategoryCount } from './blockersOption';

export interface BlockersChartProps {
  rows: readonly CategoryCount[];
}
