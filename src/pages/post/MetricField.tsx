/**
 * One metric in the editor: what it is now, its target, what 序时 expects today, the range it may take,
 * and the new value. What was typed is kept as typed (a typo is refused here, never rewritten).
 */
import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { withMeasure } from '../../lib/format';
import { expectedValue, pacedByTime } from '../../../core/domain/figure-progress';
import { figureRange } from '../../../core/domain/figure-range';
import type { EditorMetric } from './validate';

interface Props {
  row: EditorMetric;
  tau: number;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  /** Drawn right under the field: the correction reason when this figure is the one lowered. */
  children?: ReactNode;
}

/** The field's anchor, for scrolling to the first one that needs fixing. */
export const fieldAnchor = (metricId: string): string => `mfield-${metricId.replace(/[^\w-]/g, '_')}`;

// WeChat's digit keypad cannot type a letter; a browser's number input drops one silently, so off WeChat
// the field is text (with the decimal keypad) and the editor reads it strictly.
const isWeapp = process.env.TARO_ENV === 'weapp';

export default function MetricField({ row, tau, value, error, onInput, children }: Props) {
  const { metric, current, target } = row;
  const m = metric.measure;
  const id = `metric-${metric.id}`;
  const range = figureRange(metric, target);
  return (
    <View id={fieldAnchor(metric.id)} className={`mfield${error ? ' mfield--bad' : ''}`} data-testid={id}>
      <Text className="mfield__name">{metric.name}</Text>
      <Text className="mfield__facts">
        当前 {current === null ? '未填报' : withMeasure(current, m)} · 目标 {withMeasure(target, m)}
        {pacedByTime(metric) ? ` · 序时应达 ${withMeasure(expectedValue(metric, target, tau), m)}` : ''}
      </Text>
      <Input
        className="mfield__input"
        type={isWeapp ? 'digit' : 'text'}
        nativeProps={isWeapp ? undefined : { inputMode: 'decimal', autoComplete: 'off' }}
        value={value}
        placeholder={metric.kind === 'cumulative' ? '填写截至今天的累计数' : '填写最新值'}
        onInput={(e) => onInput(e.detail.value)}
        ariaLabel={metric.name}
        name={id}
      />
      <Text className="mfield__range">
        可填 {withMeasure(range.min, m)} 至 {withMeasure(range.max, m)}
      </Text>
      {error && <Text className="mfield__error">⚠ {error}</Text>}
      {children}
    </View>
  );
}
