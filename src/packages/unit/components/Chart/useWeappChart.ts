/**
 * WeChat: an ECharts instance on the `<Canvas type="2d">` with the returned id, once the canvas has reached
 * the page; given `option` again whenever it changes, and disposed with the component. The trend chart and
 * the comparison radar both draw this way (weappCanvas.ts is the adapter).
 */
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { initOnCanvas, type CanvasNode } from './weappCanvas';

export type WeappChart = ReturnType<typeof initOnCanvas>;

let seq = 0;

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio;
  }
}

/** `replace`: drop what the last option set (a radar whose units changed) rather than merge into it. */
export function useWeappChart(prefix: string, option: EChartsCoreOption, replace = false) {
  const [id] = useState(() => `${prefix}-${++seq}`);
  const chart = useRef<WeappChart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    // The canvas node exists once this render has reached the page.
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number; height?: number }[] | null) => {
          const info = res?.[0];
          if (gone || !info?.node || !info.width || !info.height) return;
          chart.current = initOnCanvas(info.node, info.width, info.height, pixelRatio());
          chart.current.setOption(latest.current);
        });
    });
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(option, replace);
  }, [option, replace]);

  return { id, chart };
}
