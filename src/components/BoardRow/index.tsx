/**
 * One unit on the leaderboard: rank, name, score, rank change (arrow and number), light,
 * completion bar with the 序时 marker. The user's own unit is marked 本单位.
 */
import { Text, View } from '@tarojs/components';
import type { StandingRow } from '../../../core/contract';
import { fmtPercent, fmtScore } from '../../lib/format';
import LightTag from '../LightTag';
import ProgressBar from '../ProgressBar';
import './index.scss';

interface Props {
  row: StandingRow;
  timeProgress: number;
  own?: boolean;
  onOpen?: (unitId: string) => void;
}

/** "↑2", "↓1", "持平", "新上榜": an arrow and a number, never colour alone. */
export function rankChangeText(delta: number | null): { text: string; dir: 'up' | 'down' | 'same' | 'new' } {
  if (delta === null) return { text: '新上榜', dir: 'new' };
  if (delta > 0) return { text: `↑${delta}`, dir: 'up' };
  if (delta < 0) return { text: `↓${-delta}`, dir: 'down' };
  return { text: '－ 持平', dir: 'same' };
}

export default function BoardRow({ row, timeProgress, own = false, onOpen }: Props) {
  const change = rankChangeText(row.rankDelta);
  const medal = row.rank <= 3 ? ` brow__rank--top${row.rank}` : '';
  return (
    <View
      className={`brow${own ? ' brow--own' : ''}`}
      hoverClass="brow--pressed"
      onClick={() => onOpen?.(row.unitId)}
      data-testid="board-row"
      ariaRole="button"
    >
      <Text className={`brow__rank${medal}`}>{row.rank}</Text>
      <View className="brow__body">
        <View className="brow__line">
          <Text className="brow__unit">{row.unitName}</Text>
          {own && <Text className="brow__own">本单位</Text>}
          <Text className="brow__score">{fmtScore(row.score)} 分</Text>
        </View>
        <View className="brow__line">
          <Text className={`brow__change brow__change--${change.dir}`}>{change.text}</Text>
          <LightTag light={row.light} />
        </View>
        <ProgressBar value={row.completion} light={row.light} mark={timeProgress} />
        <Text className="brow__meta">
          完成 {fmtPercent(row.completion)} · 序时 {fmtPercent(timeProgress, 0)}
        </Text>
      </View>
    </View>
  );
}
