/**
 * 单位: one unit's standing — score and rank, the points to the unit above, the five dimensions against
 * its division's median (a radar) and with their figures, every metric with what is left (赶), the trend
 * against 序时 and the target, and its recent posts. Shared on WeChat as a card with its rank and score.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { User } from '../../../../../core/contract';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import BoardRow from '../../../../components/BoardRow';
import PostCard from '../../../../components/PostCard';
import SignedInPage from '../../../../components/SignedInPage';
import PageSkeleton from '../../../../components/Skeleton';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { usePostList } from '../../../../hooks/usePostList';
import { useShare } from '../../../../hooks/useShare';
import { fmtNumber } from '../../../../lib/format';
import { unitShare } from '../../../../lib/share';
import { routes } from '../../../../lib/routes';
import { compareRoute } from '../../compareRoute';
import Dimensions from '../../components/Dimensions';
import MedianRadar from '../../components/MedianRadar';
import MetricCard from '../../components/MetricCard';
import Trend from '../../components/Trend';
import { useDivisionRows } from '../../useDivisionRows';
import { useTrend } from '../../useTrend';
import './index.scss';

function UnitDetail({ user, unitId }: { user: User; unitId: string }) {
  const arena = useArena(user.id);
  const detail = useAsync(unitId, () => call('unit.detail', { unitId }));
  const trend = useTrend(detail.data);
  const division = useDivisionRows(detail.data?.unit.division ?? null);
  const posts = usePostList({ enabled: arena.data !== null, unitId, limit: 5 });

  usePullDownRefresh(() => {
    void Promise.all([detail.reload(), division.reload(), posts.refresh()]).finally(
      () => void Taro.stopPullDownRefresh(),
    );
  });
  // Before the figures arrive, a card that still opens this unit.
  useShare(() =>
    detail.data
      ? unitShare(detail.data.standing)
      : { title: '单位详情', path: routes.unit(unitId), query: `unitId=${encodeURIComponent(unitId)}` },
  );

  const err = arena.error ?? detail.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), detail.reload()])} />;
  const a = arena.data;
  const d = detail.data;
  if (!a || !d) return <PageSkeleton cards={4} />;

  const own = d.unit.id === user.unitId;
  return (
    <View>
      <View className="ucard uhead">
        <Text className="uhead__name">{d.unit.name}</Text>
        <Text className="uhead__sub">
          {d.unit.division} · 组内第 {d.standing.divisionRank} 名 · 全市第 {d.standing.overallRank} 名
        </Text>
        <Text className="uhead__gap">
          {d.gapToPrev === null
            ? '组内第一，保持领先'
            : d.gapToPrev === 0
              ? '与组内上一名同分'
              : `距组内上一名还差 ${fmtNumber(d.gapToPrev, 1)} 分`}
        </Text>
      </View>
      <BoardRow row={d.standing} own={own} metricName={(id) => a.metric(id)?.name} />
      <Button
        className="ghost-btn udetail__compare"
        data-testid="open-compare"
        onClick={() => void Taro.navigateTo({ url: compareRoute(d.unit.id) }).catch(toastError)}
      >
        与其他单位对比
      </Button>
      <MedianRadar standing={d.standing} rows={division} />
      <Dimensions detail={d} arena={a} />
      <Trend trend={trend} standing={d.standing} />
      <Text className="section-title">各项指标（赶）</Text>
      {d.metrics.map((m) => {
        const metric = a.metric(m.metricId);
        return metric ? <MetricCard key={m.metricId} metric={metric} m={m} /> : null;
      })}
      <Text className="section-title">最近动态</Text>
      {posts.items.map((p) => (
        <PostCard key={p.id} post={p} arena={a} />
      ))}
      {posts.items.length === 0 && posts.loading && <Loading rows={2} />}
      {posts.error !== null && <ErrorState error={posts.error} onRetry={() => void posts.refresh()} />}
      {posts.items.length === 0 && !posts.loading && posts.error === null && <Empty text="暂无动态" />}
      {posts.items.length > 0 && !posts.ended && (
        <Button className="ghost-btn udetail__more" onClick={() => void posts.loadMore()}>
          {posts.loading ? '加载中…' : '查看更多动态'}
        </Button>
      )}
      {posts.items.length > 0 && posts.ended && <Text className="list-end">没有更多了</Text>}
    </View>
  );
}

export default function UnitPage() {
  const unitId = useRouter().params.unitId ?? '';
  return (
    <SignedInPage title="单位详情" className="udetail">
      {(user) =>
        unitId ? (
          <UnitDetail key={`${user.id}|${unitId}`} user={user} unitId={unitId} />
        ) : (
          <Empty text="没有指定单位" />
        )
      }
    </SignedInPage>
  );
}
