/** One reported figure on a post card: previous → new, a bar against the target with the 序时 mark, and the light. */
import { Text, View } from '@tarojs/components';
import type { PostFigure } from '../../../core/contract';
import type { MetricInfo } from '../../lib/arena';
import { fmtNumber, fmtPercent, withMeasure } from '../../lib/format';
import { figureProgress, pacedByTime } from '../../../core/domain/figure-progress';
import LightTag from '../LightTag';
import ProgressBar from '../ProgressBar';

interface Props {
  figure: PostFigure;
  metric: MetricInfo | undefined;
  target: number | undefined;
  /** 序时 on the day of the post. */
  tau: number;
}

export default function FigureLine({ figure, metric, target, tau }: Props) {
  const measure = metric?.measure ?? '';
  const change =
    figure.previous === null ? (
      <Text className="fig__value">首次填报 {withMeasure(figure.value, measure)}</Text>
    ) : (
      <Text className="fig__value">
        {fmtNumber(figure.previous)} → {withMeasure(figure.value, measure)}
      </Text>
    );
  if (!metric || target === undefined) {
    return (
      <View className="fig">
        <Text className="fig__name">{metric?.name ?? '指标'}</Text>
        {change}
      </View>
    );
  }
  const { completion: c, light } = figureProgress(metric, figure.value, target, tau);
  const timed = pacedByTime(metric);
  return (
    <View className="fig">
      <View className="fig__head">
        <Text className="fig__name">{metric.name}</Text>
        <LightTag light={light} />
      </View>
      {change}
      <ProgressBar
        value={metric.direction === 'up' ? c : Math.min(c, 1)}
        light={light}
        mark={timed ? tau : undefined}
      />
      <Text className="fig__meta">
        目标 {withMeasure(target, measure)} · 完成 {fmtPercent(c)}
        {timed ? ` · 序时 ${fmtPercent(tau, 0)}` : ''}
      </Text>
    </View>
  );
}
