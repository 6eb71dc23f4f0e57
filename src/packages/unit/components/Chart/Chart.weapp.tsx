/** WeChat: the trend chart, ECharts on a `<Canvas type="2d">` (useWeappChart.ts, weappCanvas.ts). */
import { Canvas } from '@tarojs/components';
import { useMemo } from 'react';
import type { TrendChartProps } from './Chart.types';
import { trendOption } from './trendOption';
import { useWeappChart } from './useWeappChart';
import { forwardTouch, type TouchPoint } from './weappCanvas';
import './index.scss';

export default function Chart({ points }: TrendChartProps) {
  const option = useMemo(() => trendOption(points), [points]);
  const { id, chart } = useWeappChart('trend-chart', option);

  const touch =
    (phase: 'start' | 'move' | 'end') => (e: { touches: TouchPoint[]; changedTouches: TouchPoint[] }) =>
      forwardTouch(chart.current, phase, phase === 'end' ? e.changedTouches[0] : e.touches[0]);

  return (
    <Canvas
      type="2d"
      id={id}
      className="chart"
      disableScroll={false}
      onTouchStart={touch('start')}
      onTouchMove={touch('move')}
      onTouchEnd={touch('end')}
    />
  );
}
