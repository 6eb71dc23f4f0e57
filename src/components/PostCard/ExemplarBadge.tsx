/** A post marked 经验做法: the mark in words, why it is worth learning from, and who marked it when. */
import { Text, View } from '@tarojs/components';
import type { Exemplar } from '../../../core/contract';
import { relativeTimeText } from '../../lib/time';

export default function ExemplarBadge({ exemplar, now }: { exemplar: Exemplar; now?: number }) {
  return (
    <View className="exemplar" data-testid="exemplar">
      <Text className="exemplar__tag">★ 经验做法</Text>
      <Text className="exemplar__reason">{exemplar.reason}</Text>
      {/* The opening picture keeps who marked it: the time would age. */}
      <Text className="exemplar__by" data-picture={`${exemplar.byName} 推荐`}>
        {exemplar.byName} 推荐 · {relativeTimeText(exemplar.at, now)}
      </Text>
    </View>
  );
}
