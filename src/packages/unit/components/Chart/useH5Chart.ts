/**
 * Browser: an ECharts instance on the element behind a View (the returned ref), drawn with `option` and
 * resized with the element; made again when the option changes. Every chart of the app draws this way.
 */
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { echarts } from './echarts';

/** `instance`: set to the drawn chart while it is on the page (the division chart's 分享 pictures it). */
export function useH5Chart(
  option: EChartsCoreOption,
  instance?: MutableRefObject<Pick<EChartsType, 'getDataURL' | 'getWidth' | 'getHeight'> | null>,
) {
  const ref = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    if (instance) instance.current = chart;
    // The page may still be hidden while the router shows it: draw again once it has a size.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      if (instance?.current === chart) instance.current = null;
      chart.dispose();
    };
  }, [option, instance]);

  return ref;
}
