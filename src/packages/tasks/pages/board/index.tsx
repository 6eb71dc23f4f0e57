/**
 * 挂图作战: the campaign's tasks grouped by track, each with its light (word and shape), deadline and its
 * open and overdue problems; filtered by light (with counts) and by responsible unit. A tap opens the task.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { lightNames, type Light, type User } from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import TaskCard from '../../components/TaskCard';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import Chips from '../../../../components/Chips';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import type { Arena } from '../../../../lib/arena';
import { dataVersion } from '../../../../lib/freshness';
import { campaignToday } from '../../../../lib/progress';
import { routes } from '../../../../lib/routes';
import { countByLight, groupByTrack, lightOrder } from '../../lib/group';
import './index.scss';

const ALL = '';

function UnitFilter({
  arena,
  user,
  value,
  onChange,
}: {
  arena: Arena;
  user: User;
  value: string;
  onChange: (unitId: string) => void;
}) {
  const own = user.unitId && arena.unit(user.unitId) ? user.unitId : null;
  const picked = value && value !== own ? value : null;
  const choices = [
    { value: ALL, label: '全部单位' },
    ...(own ? [{ value: own, label: '本单位' }] : []),
    ...(picked ? [{ value: picked, label: arena.unit(picked)?.name ?? picked }] : []),
  ];
  const units = arena.units;
  return (
    <View>
      <Chips label="责任单位" choices={choices} value={value} onChange={onChange} />
      <Picker
        mode="selector"
        range={units.map((u) => `${u.name}（${u.division}）`)}
        value={Math.max(
          0,
          units.findIndex((u) => u.id === value),
        )}
        onChange={(e) => {
          const unit = units[Number(e.detail.value)];
          if (unit) onChange(unit.id);
        }}
      >
        <View className="gt__pick" ariaRole="button" data-testid="unit-pick">
          <Text>选择其他单位</Text>
          <Text>›</Text>
        </View>
      </Picker>
    </View>
  );
}

export function TaskBoard({ user }: { user: User }) {
  const arena = useArena(user.id);
  const [unitId, setUnitId] = useState(ALL);
  const [light, setLight] = useState<Light | typeof ALL>(ALL);
  const list = useAsync(arena.data ? `tasks|${unitId}` : null, () =>
    call('task.list', unitId ? { unitId } : {}),
  );
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  // Back from a task where a problem moved: its counts and light changed.
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void list.reload();
    }
  });

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  const a = arena.data;
  if (!a) return <Loading rows={4} />;
  const today = campaignToday(a.campaign);
  const go = (url: string) => void Taro.navigateTo({ url }).catch(toastError);

  const items = list.data?.items ?? [];
  const counts = countByLight(items);
  const shown = light ? items.filter((t) => t.light === light) : items;
  const groups = groupByTrack(shown, a.tracks);
  const unitName = unitId ? (a.unit(unitId)?.name ?? '该单位') : null;

  return (
    <View>
      <View className="gt__head">
        <Text className="gt__title">{a.campaign.name} · 挂图作战</Text>
        <Text className="gt__note">每项任务的目标、责任单位、期限和难题都挂在图上，难题销号才算完成。</Text>
        <View className="gt__link" hoverClass="gt__link--pressed" onClick={() => go(routes.blockers)}>
          <Text>拆槛除障：按原因看全市难题</Text>
          <Text>›</Text>
        </View>
      </View>
      <Chips
        label="灯色"
        value={light}
        onChange={(v) => setLight(v as Light | typeof ALL)}
        choices={[
          { value: ALL, label: `全部 ${items.length}` },
          ...lightOrder.map((l) => ({ value: l, label: `${lightNames[l]} ${counts[l]}` })),
        ]}
      />
      <UnitFilter arena={a} user={user} value={unitId} onChange={setUnitId} />
      {list.error !== null && <ErrorState error={list.error} onRetry={() => void list.reload()} />}
      {!list.data && list.loading && <Loading rows={5} />}
      {list.data && items.length === 0 && !unitName && (
        <Empty text="这场竞赛还没有挂图任务。管理员或督办员录入任务后，这里按子活动列出每项任务的灯色、期限和难题。" />
      )}
      {list.data && items.length === 0 && unitName && (
        <Empty text={`「${unitName}」没有负责的任务。`}>
          <Button className="ghost-btn gt__reset" onClick={() => setUnitId(ALL)}>
            看全部单位的任务
          </Button>
        </Empty>
      )}
      {list.data && items.length > 0 && shown.length === 0 && light && (
        <Empty text={`${unitName ? `「${unitName}」` : ''}没有「${lightNames[light]}」的任务。`}>
          <Button className="ghost-btn gt__reset" onClick={() => setLight(ALL)}>
            看全部灯色
          </Button>
        </Empty>
      )}
      {groups.map((g) => (
        <View key={g.trackId || 'other'} data-testid="task-group">
          <Text className="section-title">
            {g.name} · {g.tasks.length} 项
          </Text>
          {g.tasks.map((t) => (
            <TaskCard key={t.id} task={t} arena={a} today={today} onOpen={() => go(routes.task(t.id))} />
          ))}
        </View>
      ))}
      {groups.length > 0 && <Text className="list-end">共 {shown.length} 项任务</Text>}
    </View>
  );
}

export default function TaskBoardPage() {
  return (
    <SignedInPage title="挂图作战" className="gt">
      {(user) => <TaskBoard key={user.id} user={user} />}
    </SignedInPage>
  );
}
