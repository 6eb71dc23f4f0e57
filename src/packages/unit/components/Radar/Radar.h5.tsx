/** Browser: a radar of two sets of the five comparisons, drawn the way the trend chart is (Chart/useH5Chart.ts). */
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { useH5Chart } from '../Chart/useH5Chart';
import { radarOption } from './radarOption';
import type { RadarProps } from './Radar.types';
// Registers the radar on the shared core before any chart is drawn.
import './echarts';
import '../Chart/index.scss';

export default function Radar({ units, name = 'compare-radar' }: RadarProps) {
  const ref = useH5Chart(useMemo(() => radarOption(units), [units]));
  return <View className="chart" ref={ref} data-testid={name} />;
}
