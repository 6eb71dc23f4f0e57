/** Browser: the division's score bars, drawn the way the trend is (Chart/useH5Chart.ts), as tall as its units need. */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { useH5Chart } from '../Chart/useH5Chart';
import { scoreBarsHeight, scoreBarsOption } from './scoreBarsOption';
import type { ScoreBarsProps } from './ScoreBars.types';
// Registers the bars on the shared core before any chart is drawn.
import './echarts';
import '../Chart/index.scss';

export default function ScoreBars({ rows, timeProgress, ownUnitId, picture }: ScoreBarsProps) {
  const option = useMemo(
    () => scoreBarsOption(rows, timeProgress, ownUnitId),
    [rows, timeProgress, ownUnitId],
  );
  const ref = useH5Chart(option, picture);
  return (
    <View
      className="chart"
      style={{ height: Taro.pxTransform(scoreBarsHeight(rows.length)) }}
      ref={ref}
      data-testid="score-bars"
    />
  );
}
