/**
 * 我的待办难题 (a unit's problems not yet closed off) or 待销号 (problems resolved, for a supervisor):
 * the list page by page, each with the step buttons this user may take, and a tap opening the problem.
 */
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef } from 'react';
import type { User } from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import ProblemCard from '../../components/ProblemCard';
import { useStepSheet } from '../../components/useStepSheet';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { dataVersion } from '../../../../lib/freshness';
import { problemPage, problemViews, type ProblemView } from '../../../../lib/problem-views';
import { campaignToday } from '../../../../lib/progress';
import { routes } from '../../../../lib/routes';
import { usePages } from '../../lib/usePages';
import { stepsOf } from '../../lib/people';
import './index.scss';

export function ProblemList({ user, view }: { user: User; view: ProblemView }) {
  const spec = problemViews[view];
  const arena = useArena(user.id);
  // The tasks' titles, to say which task each problem is on.
  const tasks = useAsync(arena.data ? 'task-titles' : null, () => call('task.list', {}));
  const titles = useMemo(() => new Map((tasks.data?.items ?? []).map((t) => [t.id, t.title])), [tasks.data]);
  const list = usePages(arena.data ? `${view}|${user.id}` : null, (cursor) =>
    problemPage(view, user, cursor),
  );
  const { sheet, openStep } = useStepSheet(() => void list.refresh());
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());
  // Back from a problem's page where it moved on: it may have left this list.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void list.refresh();
    }
  });

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  const a = arena.data;
  if (!a) return <Loading rows={4} />;
  const today = campaignToday(a.campaign);
  const overdue = list.items.filter((p) => p.overdue).length;

  return (
    <View>
      <View className="pl__head">
        <Text className="pl__title">{spec.title}</Text>
        {list.items.length > 0 && (
          <Text className="pl__count">
            {list.ended ? `共 ${list.items.length} 个` : `已列出 ${list.items.length} 个`}
            {overdue > 0 ? ` · 逾期 ${overdue} 个` : ''}
          </Text>
        )}
      </View>
      {list.items.map((p) => (
        <ProblemCard
          key={p.id}
          problem={p}
          arena={a}
          today={today}
          taskTitle={titles.get(p.taskId)}
          steps={stepsOf(user, p)}
          onStep={openStep}
          onOpen={() => void Taro.navigateTo({ url: routes.problem(p.id, p.taskId) }).catch(toastError)}
        />
      ))}
      {list.items.length === 0 && list.loading && <Loading rows={3} />}
      {list.error !== null && <ErrorState error={list.error} onRetry={() => void list.loadMore()} />}
      {list.items.length === 0 && !list.loading && list.error === null && <Empty text={spec.empty} />}
      {list.items.length > 0 && !list.ended && (
        <Button className="ghost-btn pl__more" onClick={() => void list.loadMore()}>
          {list.loading ? '加载中…' : '查看更多'}
        </Button>
      )}
      {list.items.length > 0 && list.ended && <Text className="list-end">没有更多了</Text>}
      {sheet}
    </View>
  );
}

export default function ProblemListPage() {
  const view: ProblemView = useRouter().params.view === 'close' ? 'close' : 'mine';
  const title = problemViews[view].title;
  // One page for both lists: the browser's title bar says which (WeChat's comes from PageFont).
  useEffect(() => void Taro.setNavigationBarTitle({ title }).catch(() => undefined), [title]);
  return (
    <SignedInPage title={title} className="pl">
      {(user) =>
        problemViews[view].offered(user) ? (
          <ProblemList key={`${user.id}|${view}`} user={user} view={view} />
        ) : (
          <Empty
            text={view === 'close' ? '待销号由督办员处理。' : '只有参赛单位的填报员和负责人有待办难题。'}
          />
        )
      }
    </SignedInPage>
  );
}
