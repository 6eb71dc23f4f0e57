/** The trend chart's props, shared by the browser (Chart.h5.tsx) and WeChat (Chart.weapp.tsx) versions. */
import type { TrendPoint } from '../../../../lib/trend';

/** One day: the unit's completion at its close and 序时 on it (ratios). */
export type { TrendPoint };

export interface TrendChartProps {
  points: TrendPoint[];
}
