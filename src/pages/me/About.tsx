/** 关于: the scoring rules in plain Chinese (DOMAIN.md "The rules"), and that only results count. */
import { Text, View } from '@tarojs/components';
import type { Weights } from '../../../core/contract';

const rules: { key: keyof Weights; name: string; text: string }[] = [
  {
    key: 'performance',
    name: '比绩效',
    text: '各指标完成率（实际值 ÷ 目标值）的平均，超过 120% 按 120% 计。',
  },
  {
    key: 'speed',
    name: '比速度',
    text: '完成率与序时进度之比：累计类、个数类指标看是否跟上时间，比率类指标看完成率本身，最高按 150% 计。',
  },
  { key: 'quality', name: '比质量', text: '难题按期销号的比例；督办核实的数据与填报不一致会扣减。' },
  { key: 'effort', name: '比干劲', text: '近 30 天完成率的增长与同期序时增长之比，看最近是否在加速追赶。' },
  { key: 'contribution', name: '比贡献', text: '本单位占全市完成量的份额与占全市目标的份额之比。' },
];

export default function About({ weights }: { weights: Weights | null }) {
  return (
    <View className="me__card about">
      <Text className="about__title">关于比学赶超 微擂台</Text>
      <Text className="about__p">
        序时进度＝竞赛已过天数 ÷ 总天数。每项指标按“完成率 ÷ 序时进度”亮灯：不低于 1 为“正常”，0.8 至 1
        为“预警”，低于 0.8 为“滞后”，达到目标为“完成”。
      </Text>
      <Text className="about__p">综合得分是五个维度（每项 0–150 分）的加权平均：</Text>
      {rules.map((r) => (
        <View key={r.key} className="about__rule">
          <Text className="about__rule-name">
            {r.name}
            {weights ? `（权重 ${weights[r.key]}）` : ''}
          </Text>
          <Text className="about__p">{r.text}</Text>
        </View>
      ))}
      <Text className="about__p">同组单位相互比较；得分相同名次并列，再按绩效和名称排序。</Text>
      <Text className="about__strong">
        擂台只比实绩：发帖多少、点赞、评论、登录次数等使用情况一律不计入任何得分和排名。
      </Text>
      <Text className="about__p">一个数据只报一次，同时用于动态、月度通报和年度考核。</Text>
    </View>
  );
}
