/** WeChat: ECharts on a `<Canvas type="2d">` through our small adapter (weappCanvas.ts). */
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { TrendChartProps } from './Chart.types';
import { trendOption } from './trendOption';
import { forwardTouch, initOnCanvas, type CanvasNode, type TouchPoint } from './weappCanvas';
import './index.scss';

type Chart = ReturnType<typeof initOnCanvas>;

let seq = 0;

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio;
  }
}

export default function Chart({ points }: TrendChartProps) {
  const [id] = useState(() => `trend-chart-${++seq}`);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(points);
  latest.current = points;

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
          chart.current.setOption(trendOption(latest.current));
        });
    });
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(trendOption(points));
  }, [points]);

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
