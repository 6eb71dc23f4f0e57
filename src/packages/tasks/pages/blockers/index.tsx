/**
 * 拆槛除障: what blocks private investment across the city — the problems by cause category as bars
 * (未销号, 逾期, 已销号) with the figures written out too, the same by track, and the problems open
 * longest first. A problem opens its page.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import { problemCategoryNames, type ActionOutput, type User } from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import BlockersChart from '../../components/BlockersChart/BlockersChart';
import ProblemCard from '../../components/ProblemCard';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import SignedInPage from '../../../../components/SignedInPage';
import PageSkeleton from '../../../../components/Skeleton';
import { Empty, ErrorState } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import type { Arena } from '../../../../lib/arena';
import { dataVersion } from '../../../../lib/freshness';
import { campaignToday } from '../../../../lib/progress';
import { routes } from '../../../../lib/routes';
import './index.scss';

type Blockers = ActionOutput<'board.blockers'>;

type Counts = { open: number; overdue: number; closed: number };

const countsText = (c: Counts): string => `未销号 ${c.open} · 逾期 ${c.overdue} · 已销号 ${c.closed}`;

/** The three counts, 逾期 marked in words and weight as well as red when there are any. */
function CountsLine({ c }: { c: Counts }) {
  return (
    <Text className="bk__row-v">
      未销号 {c.open} · <Text className={c.overdue > 0 ? 'bk__late' : ''}>逾期 {c.overdue}</Text> · 已销号{' '}
      {c.closed}
    </Text>
  );
}

export function BlockersView({ b, arena }: { b: Blockers; arena: Arena }) {
  const today = campaignToday(arena.campaign);
  const total = b.byCategory.reduce(
    (s, c) => ({ open: s.open + c.open, overdue: s.overdue + c.overdue, closed: s.closed + c.closed }),
    { open: 0, overdue: 0, closed: 0 },
  );
  const any = total.open + total.closed > 0;
  return (
    <View>
      <View className="bk__card bk__head">
        <Text className="bk__title">全市难题按原因分布</Text>
        <Text className="bk__total" data-testid="blockers-total">
          {countsText(total)}
        </Text>
        <Text className="bk__note">
          看清卡在政策、资金、土地、能耗、审批还是企业自身，拆掉门槛、清除障碍。
        </Text>
      </View>
      {!any && <Empty text="还没有难题。各项任务提出的难题会按原因汇总在这里，逾期的单独标出。" />}
      {any && (
        <View className="bk__card">
          <Text className="bk__label">按原因（个）</Text>
          <BlockersChart rows={b.byCategory} />
          <View className="bk__rows">
            {b.byCategory.map((c) => (
              <View key={c.category} className="bk__row" data-testid="blockers-category">
                <Text className="bk__row-name">{problemCategoryNames[c.category]}</Text>
                <CountsLine c={c} />
              </View>
            ))}
          </View>
        </View>
      )}
      {any && b.byTrack.length > 0 && (
        <View className="bk__card">
          <Text className="bk__label">按子活动</Text>
          <View className="bk__rows">
            {b.byTrack.map((t) => (
              <View key={t.trackId} className="bk__row" data-testid="blockers-track">
                <Text className="bk__row-name">{t.trackName}</Text>
                <CountsLine c={t} />
              </View>
            ))}
          </View>
        </View>
      )}
      {any && <Text className="section-title">积压最久的难题</Text>}
      {any && b.oldestOpen.length === 0 && <Empty text="难题都已销号，没有积压。" />}
      {b.oldestOpen.map((p) => (
        <ProblemCard
          key={p.id}
          problem={p}
          arena={arena}
          today={today}
          onOpen={() => void Taro.navigateTo({ url: routes.problem(p.id, p.taskId) }).catch(toastError)}
        />
      ))}
    </View>
  );
}

function BlockersPage({ user }: { user: User }) {
  const arena = useArena(user.id);
  const blockers = useAsync('blockers', () => call('board.blockers', {}));
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void blockers.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void blockers.reload();
    }
  });

  const err = arena.error ?? blockers.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), blockers.reload()])} />;
  if (!arena.data || !blockers.data) return <PageSkeleton cards={3} />;
  return <BlockersView b={blockers.data} arena={arena.data} />;
}

export default function BlockersRoute() {
  return (
    <SignedInPage title="拆槛除障" className="bk">
      {(user) => <BlockersPage key={user.id} user={user} />}
    </SignedInPage>
  );
}
