/**
 * One metric of the unit (赶): value against target, 序时, what is left and what each remaining day needs
 * (DOMAIN.md "Settled details"): behind 序时 as τ·T − A in the metric's own measure (percentage points for
 * a rate, never a share of the target), and a count needed less than once a day as "约每 N 天 1 个".
 */
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../../core/contract';
import LightTag from '../../../components/LightTag';
import ProgressBar from '../../../components/ProgressBar';
import type { MetricInfo } from '../../../lib/arena';
import { fmtNumber, fmtPercent, withMeasure } from '../../../lib/format';
import { everyDays } from '../../../../core/domain/catch-up';
import { pacedByTime } from '../../../../core/domain/figure-progress';

type Standing = ActionOutput<'unit.detail'>['metrics'][number];

interface Props {
  metric: MetricInfo;
  m: Standing;
}

/** A difference of two values: in percentage points for a rate ("3.5 个百分点"), else in the measure. */
export const gapText = (n: number, measure: string): string =>
  measure === '%' ? `${fmtNumber(n)} 个百分点` : withMeasure(n, measure);

/** What each remaining day needs: "每天 0.15 亿元", or for a count under one a day "约每 30 天 1 个". */
export function perDayText(perDay: number, kind: MetricInfo['kind'], measure: string): string {
  const n = kind === 'count' ? everyDays(perDay) : null;
  return n === null
    ? `每天 ${withMeasure(perDay, measure)}`
    : n === 1
      ? `约每天 1 ${measure}`
      : `约每 ${n} 天 1 ${measure}`;
}

export default function MetricCard({ metric, m }: Props) {
  const u = metric.measure;
  const timed = pacedByTime(metric);
  const expectedShare = m.expected;
  const facts: [string, string][] = [
    ['当前', m.value === null ? '未填报' : withMeasure(m.value, u)],
    ['目标', withMeasure(m.target, u)],
    ['完成', fmtPercent(m.completion)],
    ...(timed ? ([['序时应达', withMeasure(m.target * expectedShare, u)]] as [string, string][]) : []),
    ['还差', m.remaining > 0 ? gapText(m.remaining, u) : '已达标'],
    ...(m.remaining > 0 && m.perDayNeeded !== null
      ? ([['需要', perDayText(m.perDayNeeded, metric.kind, u)]] as [string, string][])
      : []),
    ...(m.behindSchedule !== null && m.behindSchedule > 0
      ? ([['落后序时', gapText(m.behindSchedule, u)]] as [string, string][])
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
