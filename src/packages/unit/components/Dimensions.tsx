/**
 * The score opened up: the five comparisons of 比, each with its weight, its score and the figures it
 * came from (DOMAIN.md "The five comparisons"). Fields the server does not send are left out.
 */
import { Text, View } from '@tarojs/components';
import type { ActionOutput, Dimension } from '../../../../core/contract';
import type { Arena } from '../../../lib/arena';
import { fmtNumber, fmtPercent, fmtScore } from '../../../lib/format';

type Detail = ActionOutput<'unit.detail'>;

const titles: Record<Dimension, [string, string]> = {
  performance: ['比绩效', '各指标完成率的平均，单项超过 120% 按 120% 计'],
  speed: ['比速度', '完成率 ÷ 序时进度（比率类指标看完成率本身），最多按 150% 计'],
  quality: ['比质量', '难题按期销号的比例，核实数与填报数不符会扣减'],
  effort: ['比干劲', '近 30 天完成率的增长 ÷ 同期序时的增长，最多按 150% 计'],
  contribution: ['比贡献', '占全市完成量的份额 ÷ 占全市目标的份额，最多按 150% 计'],
};

function evidence(dim: Dimension, d: Detail, arena: Arena): string[] {
  const name = (id: string) => arena.metric(id)?.name ?? id;
  const unitOf = (id: string) => arena.metric(id)?.measure ?? '';
  const lines: string[] = [];
  for (const m of d.metrics) {
    const part = dim === 'quality' ? null : m.dims?.[dim];
    if (dim === 'performance')
      lines.push(
        `${name(m.metricId)}：完成 ${fmtPercent(m.completion)}${part != null ? `，计 ${fmtNumber(part, 1)} 分` : ''}`,
      );
    if (dim === 'speed')
      lines.push(
        `${name(m.metricId)}：进度比 ${fmtNumber(m.pace)}${part != null ? `，计 ${fmtNumber(part, 1)} 分` : ''}`,
      );
    if (dim === 'effort' && part != null) {
      const from = m.baselineValue == null ? '起点' : `${fmtNumber(m.baselineValue)}`;
      lines.push(
        `${name(m.metricId)}：${from} → ${m.value === null ? '未填报' : fmtNumber(m.value)} ${unitOf(m.metricId)}，计 ${fmtNumber(part, 1)} 分`,
      );
    }
    if (dim === 'contribution' && part != null && m.city) {
      lines.push(
        `${name(m.metricId)}：本单位 ${fmtNumber(m.value ?? 0)}/${fmtNumber(m.target)}，全市 ${fmtNumber(m.city.value)}/${fmtNumber(m.city.target)}，计 ${fmtNumber(part, 1)} 分`,
      );
    }
  }
  if (dim === 'quality' && d.quality) {
    lines.push(
      d.quality.counted === 0
        ? '还没有到期的难题，按 100 分计'
        : `到期难题 ${d.quality.counted} 个，按期销号 ${d.quality.onTime} 个`,
    );
  }
  if (dim === 'effort') {
    if (d.effortSince && d.effortSpan !== undefined)
      lines.unshift(`自 ${d.effortSince} 起，序时增加了 ${fmtPercent(d.effortSpan)}`);
    if (!d.metrics.some((m) => m.dims?.effort != null)) lines.push('没有累计类或个数类指标，按 100 分计');
  }
  if (dim === 'contribution' && !d.metrics.some((m) => m.dims?.contribution != null))
    lines.push('没有可比的累计类指标，按 100 分计');
  return lines;
}

export default function Dimensions({ detail, arena }: { detail: Detail; arena: Arena }) {
  const w = arena.campaign.weights;
  const total = Object.values(w).reduce((s, x) => s + x, 0) || 1;
  return (
    <View className="ucard">
      <Text className="ucard__title">得分构成（每项 0–150 分，按权重加权平均）</Text>
      {(Object.keys(titles) as Dimension[]).map((dim) => {
        const score = detail.standing.dims[dim];
        return (
          <View key={dim} className="dim" data-testid={`dim-${dim}`}>
            <View className="dim__head">
              <Text className="dim__name">
                {titles[dim][0]}（权重 {w[dim]}）
              </Text>
              <Text className="dim__score">{fmtScore(score)} 分</Text>
            </View>
            <Text className="dim__how">
              {titles[dim][1]}；折合总分 {fmtNumber((score * w[dim]) / total, 1)} 分
            </Text>
            {evidence(dim, detail, arena).map((line) => (
              <Text key={line} className="dim__line">
                · {line}
              </Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}
