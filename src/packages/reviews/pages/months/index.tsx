/**
 * 月度通报: the campaign's months, newest first — a published month opens its 通报; a closed month not yet
 * published is 待发布 (a supervisor opens its draft to publish); the running month is 本月未结束.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { User } from '../../../../../core/contract';
// The package's own styles before the shared frame: the mini-program's CSS chunks keep one order.
import { Chip } from '../../components/Chip';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useAsync } from '../../../../hooks/useAsync';
import { dataVersion } from '../../../../lib/freshness';
import { routes } from '../../../../lib/routes';
import { monthView, type MonthView } from '../../lib/months';
import './index.scss';

const chipTone = { published: 'green', pending: 'yellow', running: 'grey' } as const;
const chipMark = { published: '✓', pending: '○', running: '…' } as const;

function Month({ m }: { m: MonthView }) {
  const opens = m.opens;
  return (
    <View
      className={`mo${opens ? '' : ' mo--still'}`}
      hoverClass={opens ? 'mo--pressed' : 'none'}
      onClick={
        opens ? () => void Taro.navigateTo({ url: routes.review(opens) }).catch(toastError) : undefined
      }
      ariaRole={opens ? 'link' : undefined}
      data-testid="month"
    >
      <View className="mo__head">
        <Text className="mo__name">{m.name}</Text>
        <Chip tone={chipTone[m.state]} mark={chipMark[m.state]} text={m.label} testId="month-state" />
      </View>
      <View className="mo__foot">
        <Text className="mo__line">{m.line}</Text>
        {opens && <Text className="mo__go">{opens.draft ? '核对发布 ›' : '查看 ›'}</Text>}
      </View>
    </View>
  );
}

export function Months({ user }: { user: User }) {
  const list = useAsync(user.id, () => call('review.list', {}));
  const seen = useRef(dataVersion());
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  // Back from a draft just published: its month is published now.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void list.reload();
    }
  });

  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.reload()} />;
  if (!list.data) return <Loading rows={4} />;
  const months = list.data.months.map((m) => monthView(m, user));
  return (
    <View>
      <View className="rlist-head">
        <Text className="rlist-head__title">月度通报</Text>
      </View>
      <Text className="mo-intro">
        每月结束后，按各单位重点指标的月度增幅在组内排名；未完成月度目标且增幅列组内后两名的单位列入约谈。
      </Text>
      {months.length === 0 && <Empty text="竞赛开始后，每月的通报会列在这里。" />}
      {months.map((m) => (
        <Month key={m.period} m={m} />
      ))}
    </View>
  );
}

export default function MonthsPage() {
  return (
    <SignedInPage title="月度通报" className="months">
      {(user) => <Months key={user.id} user={user} />}
    </SignedInPage>
  );
}
