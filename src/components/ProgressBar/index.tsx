/** A completion bar against the target, with the 序时 mark where the schedule says it should be today. */
import { View } from '@tarojs/components';
import type { Light } from '../../../core/contract';
import './index.scss';

interface Props {
  /** Completion as a ratio (1 = target reached); drawn up to 100%. */
  value: number;
  light: Light;
  /** 序时 as a ratio; no mark when undefined. */
  mark?: number;
}

const pct = (r: number): string => `${(Math.min(1, Math.max(0, r)) * 100).toFixed(1)}%`;

export default function ProgressBar({ value, light, mark }: Props) {
  return (
    <View className="pbar">
      <View className={`pbar__fill pbar__fill--${light}`} style={{ width: pct(value) }} />
      {mark !== undefined && <View className="pbar__mark" style={{ left: pct(mark) }} />}
    </View>
  );
}
