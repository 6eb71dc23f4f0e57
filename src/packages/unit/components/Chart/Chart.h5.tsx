/** Browser: the trend chart, ECharts on the element behind a View, resized with it (useH5Chart.ts). */
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import type { TrendChartProps } from './Chart.types';
import { trendOption } from './trendOption';
import { useH5Chart } from './useH5Chart';
import './index.scss';

export default function Chart({ points }: TrendChartProps) {
  const ref = useH5Chart(useMemo(() => trendOption(points), [points]));
  return <View className="chart" ref={ref} data-testid="trend-chart" />;
}
