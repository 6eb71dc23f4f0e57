/**
 * The way to 学 at the top of 晒 and 榜: one line, a 44 px target, saying what is there.
 */
import { Text, View } from '@tarojs/components';
import './index.scss';

export default function LearnLink({ note, onOpen }: { note: string; onOpen: () => void }) {
  return (
    <View
      className="learn-link"
      hoverClass="learn-link--pressed"
      ariaRole="link"
      onClick={onOpen}
      data-testid="learn-link"
    >
      <Text className="learn-link__name">学</Text>
      <Text className="learn-link__note">{note}</Text>
      <Text className="learn-link__go">›</Text>
    </View>
  );
}
