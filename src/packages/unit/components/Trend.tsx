/**
 * The trend card: the chart, and the same facts in words for those who cannot read a chart. The verdict
 * (ahead or behind) is the row's light and its 进度比 from the server, never mean completion set beside
 * 序时: that mean mixes metrics paced by 序时 with metrics held to their target every day, so it can sit
 * above 序时 while the unit is 滞后 (DOMAIN.md "Settled details").
 */
import { Text, View } from '@tarojs/components';
import { lightNames, type StandingRow } from '../../../../core/contract';
import { ErrorState, Loading } from '../../../components/StateView';
import type { AsyncState } from '../../../hooks/useAsync';
import { fmtNumber, fmtPercent } from '../../../lib/format';
import type { TrendPoint } from '../../../lib/trend';
import Chart from './Chart/Chart';

interface Props {
  trend: AsyncState<TrendPoint[]>;
  standing: Pick<StandingRow, 'pace' | 'light'>;
}

export default function Trend({ trend, standing }: Props) {
  const points = trend.data;
  // Not `.at(-1)`: the JavaScriptCore of iOS 12 has no Array.prototype.at.
  const last = points && points.length > 0 ? points[points.length - 1] : undefined;
  return (
    <View className="ucard">
      <Text className="ucard__title">
        完成率走势（各指标平均，实线）、序时进度（虚线）与目标 100%（点线）
      </Text>
      {trend.error !== null && <ErrorState error={trend.error} onRetry={() => void trend.reload()} />}
      {!points && trend.loading && <Loading rows={4} />}
      {points && points.length > 0 && <Chart points={points} />}
      {points && points.length === 0 && (
        <Text className="ucard__note">竞赛开始后，这里会画出每天的完成率</Text>
      )}
      {last && (
        <Text className="ucard__note" data-testid="trend-note">
          {`${last.day}：完成率（各指标平均）${fmtPercent(last.completion)}，序时进度 ${fmtPercent(last.timeProgress)}。` +
            `灯色看进度比：${fmtNumber(standing.pace, 2)}，${lightNames[standing.light]}` +
            '（部分指标按目标而非序时考核，平均完成率仅供参考）'}
        </Text>
      )}
    </View>
  );
}
