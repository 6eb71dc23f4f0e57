/**
 * Browser: an ECharts instance on the element behind a View (the returned ref), drawn with `option` and
 * resized with the element; made again when the option changes. The trend chart and the comparison radar
 * both draw this way.
 */
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';

export function useH5Chart(option: EChartsCoreOption) {
  const ref = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    // The page may still be hidden while the router shows it: draw again once it has a size.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);

  return ref;
}
