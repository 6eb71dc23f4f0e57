/** WeChat: a radar of two sets of the five comparisons on a `<Canvas type="2d">`, drawn the way the trend chart is (Chart/useWeappChart.ts). */
import { Canvas } from '@tarojs/components';
import { useMemo } from 'react';
import { useWeappChart } from '../Chart/useWeappChart';
import { radarOption } from './radarOption';
import type { RadarProps } from './Radar.types';
// Registers the radar on the shared core before any chart is drawn.
import './echarts';
import '../Chart/index.scss';

export default function Radar({ units, name = 'compare-radar' }: RadarProps) {
  const option = useMemo(() => radarOption(units), [units]);
  // Units changed: the old series must go, not be merged into.
  const { id } = useWeappChart(name, option, true);
  // Nothing to touch: the figures are also written out beside the chart.
  return <Canvas type="2d" id={id} className="chart" disableScroll={false} />;
}
