/** One metric in the editor: what it is now, its target, what 序时 expects today, and the new value. */
import { Input, Text, View } from '@tarojs/components';
import { withMeasure } from '../../lib/format';
import { expectedValue, pacedByTime } from '../../../core/domain/figure-progress';
import type { EditorMetric } from './validate';

interface Props {
  row: EditorMetric;
  tau: number;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

export default function MetricField({ row, tau, value, error, onInput }: Props) {
  const { metric, current, target } = row;
  const m = metric.measure;
  const id = `metric-${metric.id}`;
  return (
    <View className={`mfield${error ? ' mfield--bad' : ''}`} data-testid={id}>
      <Text className="mfield__name">{metric.name}</Text>
      <Text className="mfield__facts">
        当前 {current === null ? '未填报' : withMeasure(current, m)} · 目标 {withMeasure(target, m)}
        {pacedByTime(metric) ? ` · 序时应达 ${withMeasure(expectedValue(metric, target, tau), m)}` : ''}
      </Text>
      <Input
        className="mfield__input"
        type="digit"
        value={value}
        placeholder={metric.kind === 'cumulative' ? '填写截至今天的累计数' : '填写最新值'}
        onInput={(e) => onInput(e.detail.value)}
        ariaLabel={metric.name}
        name={id}
      />
      {error && <Text className="mfield__error">⚠ {error}</Text>}
    </View>
  );
}
