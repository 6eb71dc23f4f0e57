/**
 * One unit on the leaderboard: rank, name, score, rank change since yesterday's close (arrow and
 * number), light, its division where the view mixes divisions, and what the light is made of (DOMAIN.md
 * "Settled details"): the mean pace (进度比), how many metrics are 滞后 / 预警 / 正常 / 完成 or never
 * reported, and the one furthest behind with its own completion against its own 序时 ("滞后：特色小镇完成投资
 * 30.9% / 序时 40%"). No mean completion beside 序时: it mixes paced and unpaced metrics and can seem to
 * contradict the light. Every figure comes from the server's row. The own unit is marked 本单位.
 */
import { Text, View } from '@tarojs/components';
import { lightNames, type Light, type StandingRow } from '../../../core/contract';
import { fmtNumber, fmtPercent, fmtScore } from '../../lib/format';
import LightTag from '../LightTag';
import './index.scss';

interface Props {
  row: StandingRow;
  own?: boolean;
  onOpen?: (unitId: string) => void;
  /** The metric's name for the 最落后 line. */
  metricName?: (metricId: string) => string | undefined;
  /** Show the unit's division (in a view that mixes divisions, such as 全市). */
  showDivision?: boolean;
}

const worstFirst: readonly Light[] = ['red', 'yellow', 'green', 'done'];

/** "进度比 0.93 · 滞后 2 · 预警 1 · 正常 5 · 未填报 1": the light's ingredients, zeros left out. */
export function lightMakeup(row: Pick<StandingRow, 'pace' | 'lightCounts' | 'unreported'>): string {
  const parts = [`进度比 ${fmtNumber(row.pace, 2)}`];
  for (const light of worstFirst) {
    const n = row.lightCounts[light];
    if (n > 0) parts.push(`${lightNames[light]} ${n}`);
  }
  if (row.unreported > 0) parts.push(`未填报 ${row.unreported}`);
  return parts.join(' · ');
}

/**
 * "较昨日 ↑2", "较昨日 ↓1", "较昨日持平", "新上榜": an arrow and a number, never colour alone, and what it
 * compares with — the rank at yesterday's close in this same view.
 */
export function rankChangeText(delta: number | null): { text: string; dir: 'up' | 'down' | 'same' | 'new' } {
  if (delta === null) return { text: '新上榜', dir: 'new' };
  if (delta > 0) return { text: `较昨日 ↑${delta}`, dir: 'up' };
  if (delta < 0) return { text: `较昨日 ↓${-delta}`, dir: 'down' };
  return { text: '较昨日持平', dir: 'same' };
}

/**
 * The metric furthest behind, by its own figures: "滞后：特色小镇完成投资 30.9% / 序时 40%" for a paced metric,
 * "… / 目标 100%" for one held to its target every day, "… 未填报" when it was never reported.
 */
export function worstText(row: Pick<StandingRow, 'worst' | 'worstMetricId'>, name: string): string {
  const w = row.worst;
  if (!w) return `最落后：${name}`;
  const head = `${lightNames[w.light]}：${name}`;
  if (!w.reported) return `${head} 未填报`;
  const against = w.expected < 1 ? '序时' : '目标';
  return `${head} ${fmtPercent(w.completion)} / ${against} ${fmtPercent(w.expected, 0)}`;
}

export default function BoardRow({ row, own = false, onOpen, metricName, showDivision = false }: Props) {
  const change = rankChangeText(row.rankDelta);
  const worstName = row.worstMetricId === null ? undefined : metricName?.(row.worstMetricId);
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
          {showDivision && <Text className="brow__division">{row.division}</Text>}
        </View>
        <Text className="brow__meta">{lightMakeup(row)}</Text>
        {worstName && <Text className="brow__meta brow__worst">{worstText(row, worstName)}</Text>}
      </View>
    </View>
  );
}
