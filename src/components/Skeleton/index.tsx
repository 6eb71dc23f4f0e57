/**
 * A page's shell while its data comes: grey blocks where the heading card and the cards below will be,
 * so a tap is answered at once with the shape of what is coming. Said in words too (加载中), not only by
 * shape, for screen readers.
 */
import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** How many cards below the heading card. */
  cards?: number;
  /** The words under the blocks. */
  hint?: string;
}

export default function PageSkeleton({ cards = 3, hint = '加载中…' }: Props) {
  return (
    <View className="skel" aria-busy ariaLabel={hint} data-testid="page-skeleton">
      <View className="skel__card skel__card--head">
        <View className="skel__bar skel__bar--title" />
        <View className="skel__bar skel__bar--short" />
      </View>
      {Array.from({ length: cards }, (_, i) => (
        <View key={i} className="skel__card">
          <View className="skel__bar" />
          <View className="skel__bar" />
          <View className="skel__bar skel__bar--short" />
        </View>
      ))}
      <Text className="skel__hint">{hint}</Text>
    </View>
  );
}
