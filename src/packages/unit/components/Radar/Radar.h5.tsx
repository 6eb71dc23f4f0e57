/** Browser: the comparison radar with ECharts on the element behind a View, resized with it. */
import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts';
import { radarOption } from './radarOption';
import type { RadarProps } from './Radar.types';
import '../Chart/index.scss';

export default function Radar({ units }: RadarProps) {
  const ref = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(radarOption(units));
    // The page may still be hidden while the router shows it: draw again once it has a size.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [units]);

  return <View className="chart" ref={ref} data-testid="compare-radar" />;
}
