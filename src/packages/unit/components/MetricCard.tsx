/** One metric of the unit (赶): value against target, 序时, what is left and what each remaining day needs. */
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../../core/contract';
import LightTag from '../../../components/LightTag';
import ProgressBar from '../../../components/ProgressBar';
import type { MetricInfo } from '../../../lib/arena';
import { fmtPercent, withMeasure } from '../../../lib/format';
import { pacedByTime } from '../../../../core/domain/figure-progress';

type Standing = ActionOutput<'unit.detail'>['metrics'][number];

interface Props {
  metric: MetricInfo;
  m: Standing;
}

export default function MetricCard({ metric, m }: Props) {
  const u = metric.measure;
  const timed = pacedByTime(metric);
  const expectedShare = m.expected;
  const facts: [string, string][] = [
    ['当前', m.value === null ? '未填报' : withMeasure(m.value, u)],
    ['目标', withMeasure(m.target, u)],
    ['完成', fmtPercent(m.completion)],
    ...(timed
      ? ([['序时应达', withMeasure(m.target * expectedShare, u)]] as [string, string][])
      : []),
    ['还差', m.remaining > 0 ? withMeasure(m.remaining, u) : '已达标'],
    ...(m.remaining > 0 && m.perDayNeeded !== null
      ? ([['每天需', withMeasure(m.perDayNeeded, u)]] as [string, string][])
      : []),
    ...(m.behindSchedule !== null && m.behindSchedule > 0
      ? ([['落后序时', withMeasure(m.behindSchedule, u)]] as [string, string][])
      : []),
  ];
  return (
    <View className="mcard" data-testid="metric-card">
      <View className="mcard__head">
        <Text className="mcard__name">{metric.name}</Text>
        <LightTag light={m.light} />
      </View>
      <ProgressBar value={m.completion} light={m.light} mark={timed ? expectedShare : undefined} />
      <View className="mcard__facts">
        {facts.map(([k, v]) => (
          <View key={k} className="mcard__fact">
            <Text className="mcard__k">{k}</Text>
            <Text className="mcard__v">{v}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
