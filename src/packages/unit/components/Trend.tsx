/** The trend card: the chart, and the same facts in words for those who cannot read a chart. */
import { Text, View } from '@tarojs/components';
import { ErrorState, Loading } from '../../../components/StateView';
import type { AsyncState } from '../../../hooks/useAsync';
import { fmtPercent } from '../../../lib/format';
import type { TrendPoint } from '../../../lib/trend';
import Chart from './Chart/Chart';

export default function Trend({ trend }: { trend: AsyncState<TrendPoint[]> }) {
  const points = trend.data;
  // Not `.at(-1)`: the JavaScriptCore of iOS 12 has no Array.prototype.at.
  const last = points && points.length > 0 ? points[points.length - 1] : undefined;
  return (
    <View className="ucard">
      <Text className="ucard__title">完成率走势（实线）与序时进度（虚线）</Text>
      {trend.error !== null && <ErrorState error={trend.error} onRetry={() => void trend.reload()} />}
      {!points && trend.loading && <Loading rows={4} />}
      {points && points.length > 0 && <Chart points={points} />}
      {last && (
        <Text className="ucard__note">
          {last.day}：完成率 {fmtPercent(last.completion)}，序时进度 {fmtPercent(last.timeProgress)}，
          {last.completion >= last.timeProgress ? '跑在序时前面' : '落后于序时'}
        </Text>
      )}
    </View>
  );
}
