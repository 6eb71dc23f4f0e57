/**
 * 各组前三: per division, its top three on today's board — rank (medal colours, the number kept), name and
 * score — and what each did lately: its latest posts in a line or two. A tap on a unit opens its page.
 */
import { Text, View } from '@tarojs/components';
import type { FeedPost, LearnDivision } from '../../../../core/contract';
import type { Arena } from '../../../lib/arena';
import { fmtScore, withMeasure } from '../../../lib/format';
import { relativeTimeText } from '../../../lib/time';

const EXCERPT = 60;

/** "完成投资 5 亿元 · 开工率 80%": what the post reported. */
export function figuresLine(post: FeedPost, arena: Arena): string {
  return post.figures
    .map((f) => {
      const m = arena.metric(f.metricId);
      return m ? `${m.name} ${withMeasure(f.value, m.measure)}` : null;
    })
    .filter((s): s is string => s !== null)
    .join(' · ');
}

const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

function LatestPost({ post, arena, now }: { post: FeedPost; arena: Arena; now?: number }) {
  const figures = figuresLine(post, arena);
  return (
    <View className="lpost" data-testid="learn-post">
      <Text className="lpost__when">
        {post.exemplar ? '★ 经验做法 · ' : ''}
        {relativeTimeText(post.createdAt, now)}
      </Text>
      {figures !== '' && <Text className="lpost__figs">{figures}</Text>}
      {post.text !== '' && <Text className="lpost__text">{excerpt(post.text)}</Text>}
    </View>
  );
}

interface Props {
  leaders: LearnDivision[];
  arena: Arena;
  onOpen: (unitId: string) => void;
  now?: number;
}

export default function Leaders({ leaders, arena, onOpen, now }: Props) {
  return (
    <View>
      {leaders.map((d) => (
        <View key={d.division} data-testid="learn-division">
          <Text className="section-title">{d.division} · 前三</Text>
          {d.units.map((u) => (
            <View
              key={u.unitId}
              className="lunit"
              hoverClass="lunit--pressed"
              ariaRole="link"
              ariaLabel={`${d.division}第 ${u.rank} 名 ${u.unitName}，${fmtScore(u.score)} 分，点击查看单位`}
              onClick={() => onOpen(u.unitId)}
              data-testid="learn-unit"
            >
              <View className="lunit__head">
                <Text className={`lunit__rank${u.rank <= 3 ? ` lunit__rank--top${u.rank}` : ''}`}>
                  {u.rank}
                </Text>
                <Text className="lunit__name">{u.unitName}</Text>
                <Text className="lunit__score">{fmtScore(u.score)} 分</Text>
                <Text className="lunit__go">›</Text>
              </View>
              {u.posts.length === 0 ? (
                <Text className="lunit__none">还没有发布动态</Text>
              ) : (
                u.posts.map((p) => <LatestPost key={p.id} post={p} arena={arena} now={now} />)
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
