/**
 * 约谈: the 约谈 the 通报 called, by due date — unit, level, who attends, the due date and status; a unit's
 * staff see their own unit's. A supervisor records one as held (the day and how it went). Opened from a
 * 约谈 notice, the record it is about is marked.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { attendeeNames, type Interview, type User } from '../../../../../core/contract';
import { periodName } from '../../../../../core/domain/review';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import { InterviewStatusChip, LevelChip } from '../../components/Chip';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import Chips from '../../../../components/Chips';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { dayText, dueInText } from '../../../../lib/dates';
import { campaignToday } from '../../../../lib/progress';
import { isUnitStaff } from '../../../../lib/review-entries';
import { paramOf } from '../../lib/params';
import RecordForm from './RecordForm';
import './index.scss';

type Filter = 'scheduled' | 'held' | 'all';
const filters = [
  { value: 'scheduled', label: '待约谈' },
  { value: 'held', label: '已约谈' },
  { value: 'all', label: '全部' },
];

function Item({
  i,
  today,
  focus,
  onRecord,
}: {
  i: Interview;
  today: string;
  focus: boolean;
  onRecord?: () => void;
}) {
  const late = i.status === 'scheduled' && i.dueDate < today;
  return (
    <View className={`ritem${focus ? ' ritem--focus' : ''}`} data-testid="interview">
      <View className="ritem__head">
        <Text className="ritem__title">{i.unitName}</Text>
        <InterviewStatusChip status={i.status} />
      </View>
      <View className="ritem__head">
        <LevelChip level={i.level} />
        <Text className="ritem__line">参加：{i.attendees.map((a) => attendeeNames[a]).join('、')}</Text>
      </View>
      <Text className="ritem__line">
        {periodName(i.period)}通报{i.reviewVersion > 1 ? `（第 ${i.reviewVersion} 版）` : ''}列入
      </Text>
      {i.status === 'scheduled' && (
        <Text className={`ritem__line${late ? ' ritem__late' : ''}`}>
          期限：{dayText(i.dueDate, today)}前（{dueInText(i.dueDate, today)}）
        </Text>
      )}
      {i.status === 'held' && (
        <>
          <Text className="ritem__line">
            已于 {i.heldAt ? dayText(i.heldAt, today) : ''} 约谈
            {i.recordedByName ? ` · 记录：${i.recordedByName}` : ''}
          </Text>
          {i.note !== '' && <Text className="ritem__text">{i.note}</Text>}
        </>
      )}
      {i.status === 'cancelled' && <Text className="ritem__line">通报更正后不再列入约谈，无需约谈。</Text>}
      {onRecord && (
        <View className="ritem__steps">
          <Button className="ghost-btn ritem__step" onClick={onRecord} data-testid="record">
            记录已约谈
          </Button>
        </View>
      )}
    </View>
  );
}

export function Interviews({ user, focus }: { user: User; focus: string }) {
  const arena = useArena(user.id);
  const list = useAsync(user.id, () => call('interview.list', {}));
  const [filter, setFilter] = useState<Filter>(focus ? 'all' : 'scheduled');
  const [recording, setRecording] = useState<Interview | null>(null);
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? list.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), list.reload()])} />;
  if (!arena.data || !list.data) return <Loading rows={4} />;
  const today = campaignToday(arena.data.campaign);
  const all = list.data.items;
  const shown = all.filter((i) => filter === 'all' || i.status === filter);
  const waiting = all.filter((i) => i.status === 'scheduled').length;
  const staff = isUnitStaff(user);

  return (
    <View>
      <View className="rlist-head">
        <Text className="rlist-head__title">{staff ? '本单位约谈' : '约谈'}</Text>
        {all.length > 0 && <Text className="rlist-head__count">待约谈 {waiting} 个</Text>}
      </View>
      {all.length > 0 && (
        <Chips label="状态" choices={filters} value={filter} onChange={(v) => setFilter(v as Filter)} />
      )}
      {all.length === 0 && (
        <Empty
          text={
            staff
              ? '本单位没有约谈记录。月度通报中未完成月度目标、且增幅列组内后两名的单位会列入约谈。'
              : '还没有约谈记录。月度通报发布后，列入约谈的单位会列在这里。'
          }
        />
      )}
      {all.length > 0 && shown.length === 0 && <Empty text="没有这个状态的约谈。" />}
      {shown.map((i) => (
        <Item
          key={i.id}
          i={i}
          today={today}
          focus={i.id === focus}
          {...(user.role === 'supervisor' && i.status === 'scheduled'
            ? { onRecord: () => setRecording(i) }
            : {})}
        />
      ))}
      {recording && (
        <RecordForm
          interview={recording}
          today={today}
          onCancel={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            void list.reload();
          }}
        />
      )}
    </View>
  );
}

export default function InterviewsPage() {
  const focus = paramOf(useRouter().params.focus);
  return (
    <SignedInPage title="约谈" className="interviews">
      {(user) => <Interviews key={user.id} user={user} focus={focus} />}
    </SignedInPage>
  );
}
