/** Browser: ECharts on the element behind a View, resized with it. */
import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { TrendChartProps } from './Chart.types';
import { echarts } from './echarts';
import { trendOption } from './trendOption';
import './index.scss';

export default function Chart({ points }: TrendChartProps) {
  const ref = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(trendOption(points));
    // The page may still be hidden while the router shows it: draw again once it has a size.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [points]);

  return <View className="chart" ref={ref} data-testid="trend-chart" />;
}
