/**
 * 学 (DOMAIN.md "学"): the posts supervisors and city leaders recommended as 经验做法, newest mark first, each
 * with why and by whom (and 赞 and 评论 as in 晒); and 各组前三, the top three of each division with what
 * they did lately. Both by track (子活动) or all. Opened from the top of 晒 and 榜.
 */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '../../../../../core/contract';
import { toastError } from '../../../../api/toast';
// The mini-program's CSS chunks keep one order, 榜's: the light tag, the chips, then the post card's bars.
import '../../../../components/LightTag/index.scss';
import Chips from '../../../../components/Chips';
import PostCard from '../../../../components/PostCard';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { routes } from '../../../../lib/routes';
import Leaders from '../../components/Leaders';
import { useLearn } from '../../useLearn';
import './index.scss';

const ALL = '';
type Tab = 'exemplars' | 'leaders';
const tabs: { value: Tab; label: string }[] = [
  { value: 'exemplars', label: '经验做法' },
  { value: 'leaders', label: '各组前三' },
];

export const NO_EXEMPLARS = '还没有推荐的经验做法。督办员和市领导可在动态上点“推荐为经验做法”。';

export function LearnView({ user, now }: { user: User; now?: number }) {
  const arena = useArena(user.id);
  const [trackId, setTrackId] = useState(ALL);
  const [view, setView] = useState<Tab>('exemplars');
  const learn = useLearn(arena.data ? trackId : null);

  usePullDownRefresh(() => {
    void learn.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (view === 'exemplars' && learn.error === null) void learn.loadMore();
  });

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  const a = arena.data;
  if (!a) return <Loading rows={4} />;
  const open = (unitId: string) => void Taro.navigateTo({ url: routes.unit(unitId) }).catch(toastError);
  const leaders = learn.leaders;

  return (
    <View>
      <Text className="learn__intro">
        学先进：看督办员和市领导推荐的经验做法，看各组前三在做什么。排名只看实绩，与点赞、评论无关。
      </Text>
      {a.tracks.length > 1 && (
        <Chips
          label="子活动"
          value={trackId}
          onChange={setTrackId}
          choices={[{ value: ALL, label: '全部' }, ...a.tracks.map((t) => ({ value: t.id, label: t.name }))]}
        />
      )}
      <View className="learn__tabs" ariaRole="tablist">
        {tabs.map((v) => {
          const on = v.value === view;
          return (
            <View
              key={v.value}
              className={`learn__tab${on ? ' learn__tab--on' : ''}`}
              ariaRole="tab"
              ariaLabel={on ? `${v.label}，已选中` : v.label}
              onClick={() => setView(v.value)}
              data-testid={`learn-tab-${v.value}`}
            >
              <Text>{v.label}</Text>
            </View>
          );
        })}
      </View>
      {learn.error !== null && <ErrorState error={learn.error} onRetry={() => void learn.refresh()} />}
      {leaders === null && learn.loading && <Loading rows={4} />}
      {leaders !== null && view === 'exemplars' && (
        <View data-testid="learn-exemplars">
          {learn.exemplars.map((p) => (
            <PostCard key={p.id} post={p} arena={a} now={now} />
          ))}
          {learn.exemplars.length === 0 && !learn.loading && <Empty text={NO_EXEMPLARS} />}
          {learn.exemplars.length > 0 && learn.loading && <Text className="list-end">加载中…</Text>}
          {learn.exemplars.length > 0 && learn.ended && <Text className="list-end">没有更多了</Text>}
        </View>
      )}
      {leaders !== null && view === 'leaders' && (
        <View data-testid="learn-leaders">
          {leaders.length > 0 ? (
            <Leaders leaders={leaders} arena={a} onOpen={open} now={now} />
          ) : (
            <Empty text="还没有排名：各单位填报数据后，这里按组列出排名前三的单位和他们的最新动态。" />
          )}
        </View>
      )}
    </View>
  );
}

export default function LearnPage() {
  return (
    <SignedInPage title="学" className="learn">
      {(user) => <LearnView key={user.id} user={user} />}
    </SignedInPage>
  );
}
