/** WeChat: the comparison radar on a `<Canvas type="2d">` through the trend chart's adapter (Chart/weappCanvas.ts). */
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { initOnCanvas, type CanvasNode } from '../Chart/weappCanvas';
import { radarOption } from './radarOption';
import type { RadarProps } from './Radar.types';
// Registers the radar on the shared core before any chart is drawn.
import './echarts';
import '../Chart/index.scss';

type Chart = ReturnType<typeof initOnCanvas>;

let seq = 0;

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio;
  }
}

export default function Radar({ units }: RadarProps) {
  const [id] = useState(() => `compare-radar-${++seq}`);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(units);
  latest.current = units;

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
          chart.current.setOption(radarOption(latest.current));
        });
    });
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(radarOption(units), true);
  }, [units]);

  // Nothing to touch: the figures are also written out beside the chart.
  return <Canvas type="2d" id={id} className="chart" disableScroll={false} />;
}
