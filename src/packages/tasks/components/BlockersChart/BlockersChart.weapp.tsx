/** WeChat: the 拆槛除障 bars on a `<Canvas type="2d">`, drawn the way the unit page's charts are (Chart/useWeappChart.ts). */
import { Canvas } from '@tarojs/components';
import { useMemo } from 'react';
import { useWeappChart } from '../../../unit/components/Chart/useWeappChart';
import { blockersOption } from './blockersOption';
import type { BlockersChartProps } from './BlockersChart.types';
// Registers the bars on the shared core before any chart is drawn.
import './echarts';
import './index.scss';

export default function BlockersChart({ rows }: BlockersChartProps) {
  const option = useMemo(() => blockersOption(rows), [rows]);
  const { id } = useWeappChart('blockers-chart', option);
  // Nothing to touch: the figures are also written out under the chart.
  return <Canvas type="2d" id={id} className="bchart" disableScroll={false} />;
}
