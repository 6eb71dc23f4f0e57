/**
 * 榜: the standings by division and track, 序时 at the top, the user's own unit pinned as 本单位, a
 * 只看 filter for the units 滞后 or 预警. Tap a unit to open its page (in the unit subpackage); the links
 * 挂图作战 · 拆槛除障 open the tasks subpackage, and 学 at the top the learn subpackage.
 */
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { User } from '../../../core/contract';
import { call } from '../../api/call';
import { toastError } from '../../api/toast';
import BoardRow from '../../components/BoardRow';
import Chips from '../../components/Chips';
import ProgressBar from '../../components/ProgressBar';
import SignedInPage from '../../components/SignedInPage';
import { ErrorState, Loading } from '../../components/StateView';
import { useArena } from '../../hooks/useArena';
import { useAsync } from '../../hooks/useAsync';
import { useShare } from '../../hooks/useShare';
import { divisionChartRoute } from '../../lib/chart-route';
import { fmtPercent } from '../../lib/format';
import { dataVersion } from '../../lib/freshness';
import { campaignLength } from '../../lib/progress';
import { routes } from '../../lib/routes';
import { boardShare, sharedScope } from '../../lib/share';
import { learnRoute } from '../../lib/social';
import BoardList from './BoardList';
import './index.scss';
import LearnLink from '../../components/LearnLink';

const ALL = '';

function Board({ user }: { user: User }) {
  const arena = useArena(user.id);
  const ownDivision = arena.data?.unit(user.unitId ?? '')?.division;
  const [division, setDivision] = useState<string | null>(null);
  const [trackId, setTrackId] = useState(ALL);
  // A shared card opens the division it was shared from; else, until the person picks, their own.
  const shared = sharedScope(useRouter().params.division, arena.data?.divisions);
  const div = division ?? shared ?? ownDivision ?? ALL;
  const board = useAsync(arena.data ? `${div}|${trackId}` : null, () =>
    call('board.leaderboard', { ...(div ? { division: div } : {}), ...(trackId ? { trackId } : {}) }),
  );
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void board.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void board.reload();
    }
  });
  // WeChat's 转发 and 朋友圈: the view's standing, opening the board on the same division.
  useShare(() => boardShare(arena.data?.campaign.name ?? '', div, board.data?.rows ?? [], user.unitId));

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  const a = arena.data;
  if (!a) return <Loading />;

  const go = (url: string) => void Taro.navigateTo({ url }).catch(toastError);
  const open = (unitId: string) => go(routes.unit(unitId));
  const metricName = (metricId: string) => a?.metric(metricId)?.name;
  const data = board.data;
  const own = data?.rows.find((r) => r.unitId === user.unitId);
  const len = campaignLength(a.campaign);

  return (
    <View>
      <LearnLink note="看经验做法和各组前三在做什么" onOpen={() => go(learnRoute)} />
      {data && (
        <View className="board__time">
          <View className="board__time-line">
            <Text className="board__time-title">序时进度 {fmtPercent(data.timeProgress, 0)}</Text>
            <Text className="board__time-days">
              第 {Math.round(data.timeProgress * len)} 天 / 共 {len} 天
            </Text>
          </View>
          <ProgressBar value={data.timeProgress} light="green" />
          <Text className="board__time-note">{a.campaign.name}：按实绩排名，与发帖、点赞等使用情况无关</Text>
        </View>
      )}
      <View className="board__links">
        <View
          className="board__link"
          hoverClass="board__link--pressed"
          data-testid="link-tasks"
          onClick={() => go(routes.tasks)}
        >
          <Text>挂图作战 ›</Text>
        </View>
        <Text className="board__dot">·</Text>
        <View
          className="board__link"
          hoverClass="board__link--pressed"
          data-testid="link-blockers"
          onClick={() => go(routes.blockers)}
        >
          <Text>拆槛除障 ›</Text>
        </View>
      </View>
      <Chips
        label="分组"
        value={div}
        onChange={setDivision}
        choices={[{ value: ALL, label: '全市' }, ...a.divisions.map((d) => ({ value: d, label: d }))]}
      />
      {/* The chosen division's scores as bars (the unit subpackage, with the other charts). */}
      <View className="board__chart">
        <View
          className="board__chart-link"
          hoverClass="board__chart-link--pressed"
          ariaLabel="分组得分图表"
          data-testid="link-division-chart"
          onClick={() => go(divisionChartRoute(div))}
        >
          <Text>图表 ›</Text>
        </View>
      </View>
      <Chips
        label="子活动"
        value={trackId}
        onChange={setTrackId}
        choices={[{ value: ALL, label: '综合' }, ...a.tracks.map((t) => ({ value: t.id, label: t.name }))]}
      />
      {board.error !== null && <ErrorState error={board.error} onRetry={() => void board.reload()} />}
      {!data && board.loading && <Loading rows={5} />}
      {data && own && (
        <View className="board__pinned">
          <Text className="section-title">本单位</Text>
          <BoardRow row={own} own onOpen={open} metricName={metricName} showDivision={!div} />
        </View>
      )}
      {data && (
        <BoardList
          rows={data.rows}
          scope={div || '全市'}
          userUnitId={user.unitId}
          showDivision={!div}
          onOpen={open}
          metricName={metricName}
        />
      )}
    </View>
  );
}

export default function BoardPage() {
  return (
    <SignedInPage title="榜单" className="board">
      {(user) => <Board key={user.id} user={user} />}
    </SignedInPage>
  );
}
