/** WeChat: the division's score bars on a `<Canvas type="2d">` (Chart/useWeappChart.ts), as tall as its units need. */
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { useMemo } from 'react';
import { useWeappChart } from '../Chart/useWeappChart';
import { forwardTouch, type TouchPoint } from '../Chart/weappCanvas';
import { scoreBarsHeight, scoreBarsOption } from './scoreBarsOption';
import type { ScoreBarsProps } from './ScoreBars.types';
// Registers the bars on the shared core before any chart is drawn.
import './echarts';
import '../Chart/index.scss';

export default function ScoreBars({ rows, timeProgress, ownUnitId }: ScoreBarsProps) {
  const option = useMemo(
    () => scoreBarsOption(rows, timeProgress, ownUnitId),
    [rows, timeProgress, ownUnitId],
  );
  // Another division: its bars replace the last one's rather than merge into them.
  const { id, chart } = useWeappChart('score-bars', option, true);
  const touch =
    (phase: 'start' | 'move' | 'end') => (e: { touches: TouchPoint[]; changedTouches: TouchPoint[] }) =>
      forwardTouch(chart.current, phase, phase === 'end' ? e.changedTouches[0] : e.touches[0]);
  return (
    <Canvas
      type="2d"
      id={id}
      className="chart"
      style={{ height: Taro.pxTransform(scoreBarsHeight(rows.length)) }}
      disableScroll={false}
      onTouchStart={touch('start')}
      onTouchMove={touch('move')}
      onTouchEnd={touch('end')}
    />
  );
}
