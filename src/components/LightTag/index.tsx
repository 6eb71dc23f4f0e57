/** A light with its word (正常 / 预警 / 滞后 / 完成): colour is never the only signal. */
import { Text, View } from '@tarojs/components';
import type { Light } from '../../../core/contract';
import { lightNames } from '../../lib/names';
import './index.scss';

const marks: Record<Light, string> = { green: '●', yellow: '▲', red: '■', done: '✓' };

export default function LightTag({ light }: { light: Light }) {
  return (
    <View className={`light light--${light}`}>
      <Text className="light__mark">{marks[light]}</Text>
      <Text>{lightNames[light]}</Text>
    </View>
  );
}
