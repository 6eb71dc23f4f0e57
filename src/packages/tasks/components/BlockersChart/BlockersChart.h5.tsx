/** Browser: the 拆槛除障 bars, drawn the way the unit page's charts are (Chart/useH5Chart.ts). */
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { useH5Chart } from '../../../unit/components/Chart/useH5Chart';
import { blockersOption } from './blockersOption';
import type { BlockersChartProps } from './BlockersChart.types';
// Registers the bars on the shared core before any chart is drawn.
import './echarts';
import './index.scss';

export default function BlockersChart({ rows }: BlockersChartProps) {
  const ref = useH5Chart(useMemo(() => blockersOption(rows), [rows]));
  return <View className="bchart" ref={ref} data-testid="blockers-chart" />;
}
