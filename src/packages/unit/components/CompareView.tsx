/**
 * Two units side by side (比): their standing (score, rank, light and 进度比), the five comparisons as a
 * radar and in figures, and every metric either has with its completion and light. Every number is the
 * server's (`unit.detail`); nothing is recomputed here.
 */
import { Text, View } from '@tarojs/components';
import { dimensions, lightNames, type ActionOutput } from '../../../../core/contract';
import LightTag from '../../../components/LightTag';
import type { Arena } from '../../../lib/arena';
import { fmtNumber, fmtPercent, fmtScore } from '../../../lib/format';
import Radar from './Radar/Radar';
import { dimensionNames } from './Radar/radarOption';

type Detail = ActionOutput<'unit.detail'>;
type MetricOut = Detail['metrics'][number];

interface Props {
  a: Detail;
  b: Detail;
  arena: Arena;
}

/** A unit's figure on one metric: "30.9% 滞后", "未填报", or "无此指标" when it has no target on it. */
export function metricCell(m: MetricOut | undefined): string {
  if (!m) return '无此指标';
  if (m.value === null) return '未填报';
  return `${fmtPercent(m.completion)} ${lightNames[m.light]}`;
}

/** The metrics of either unit, in the campaign's order. */
function metricIds(arena: Arena, a: Detail, b: Detail): string[] {
  const has = new Set([...a.metrics, ...b.metrics].map((m) => m.metricId));
  return arena.tracks.flatMap((t) => t.metrics.filter((m) => has.has(m.id)).map((m) => m.id));
}

function Head({ d }: { d: Detail }) {
  const s = d.standing;
  return (
    <View className="cmp__col" data-testid="compare-head">
      <Text className="cmp__unit">{d.unit.name}</Text>
      <Text className="cmp__sub">{d.unit.division}</Text>
      <Text className="cmp__score">{fmtScore(s.score)} 分</Text>
      <Text className="cmp__sub">
        全市第 {s.overallRank} 名 · 组内第 {s.divisionRank} 名
      </Text>
      <View className="cmp__light">
        <LightTag light={s.light} />
        <Text className="cmp__sub">进度比 {fmtNumber(s.pace, 2)}</Text>
      </View>
    </View>
  );
}

export default function CompareView({ a, b, arena }: Props) {
  const byId = (d: Detail) => new Map(d.metrics.map((m) => [m.metricId, m]));
  const ma = byId(a);
  const mb = byId(b);
  const units = [
    { name: a.unit.name, dims: a.standing.dims },
    { name: b.unit.name, dims: b.standing.dims },
  ] as const;
  return (
    <View>
      <View className="ucard cmp__heads">
        <Head d={a} />
        <Text className="cmp__vs">对比</Text>
        <Head d={b} />
      </View>
      <View className="ucard">
        <Text className="ucard__title">
          五比得分（每项 0–150 分；实线 {a.unit.name}，虚线 {b.unit.name}）
        </Text>
        <Radar units={units} />
        <View className="cmp__row cmp__row--head">
          <Text className="cmp__k">得分</Text>
          <Text className="cmp__v">{a.unit.name}</Text>
          <Text className="cmp__v">{b.unit.name}</Text>
        </View>
        {dimensions.map((dim) => {
          const x = a.standing.dims[dim];
          const y = b.standing.dims[dim];
          return (
            <View key={dim} className="cmp__row" data-testid={`compare-dim-${dim}`}>
              <Text className="cmp__k">{dimensionNames[dim]}</Text>
              <Text className="cmp__v">{fmtScore(x)}</Text>
              <Text className="cmp__v">{fmtScore(y)}</Text>
            </View>
          );
        })}
      </View>
      <View className="ucard">
        <Text className="ucard__title">各项指标完成率</Text>
        <View className="cmp__row cmp__row--head">
          <Text className="cmp__k">指标</Text>
          <Text className="cmp__v">{a.unit.name}</Text>
          <Text className="cmp__v">{b.unit.name}</Text>
        </View>
        {metricIds(arena, a, b).map((id) => (
          <View key={id} className="cmp__row" data-testid="compare-metric">
            <Text className="cmp__k">{arena.metric(id)?.name ?? id}</Text>
            <Text className="cmp__v">{metricCell(ma.get(id))}</Text>
            <Text className="cmp__v">{metricCell(mb.get(id))}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
