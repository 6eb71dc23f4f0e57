/**
 * 任务: one task — its content and target, its people (lead unit, units, 联系市领导, 督导员), its problems
 * with their status chips and the step buttons this user may take, and its progress notes. 提出难题 and
 * 写进展 appear for those allowed; each step and each of these opens a small form.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput, User } from '../../../../../core/contract';
// The light before the forms' chips, and the package's own pieces before the shared frame: the
// mini-program's CSS chunks keep one order across pages.
import LightTag from '../../../../components/LightTag';
import NoteForm from '../../components/NoteForm';
import ProblemCard from '../../components/ProblemCard';
import RaiseForm from '../../components/RaiseForm';
import { useStepSheet } from '../../components/useStepSheet';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import SignedInPage from '../../../../components/SignedInPage';
import PageSkeleton from '../../../../components/Skeleton';
import { Empty, ErrorState } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import type { Arena } from '../../../../lib/arena';
import { dayText, dueInText, instantText } from '../../../../lib/dates';
import { campaignToday } from '../../../../lib/progress';
import { routes } from '../../../../lib/routes';
import { canNote, canRaise, stepsOf } from '../../lib/people';
import './index.scss';

type Detail = ActionOutput<'task.get'>;

function Fact({ k, v }: { k: string; v: string }) {
  return (
    <View className="tk__fact">
      <Text className="tk__k">{k}</Text>
      <Text className="tk__v">{v}</Text>
    </View>
  );
}

export function TaskView({
  user,
  d,
  arena,
  reload,
}: {
  user: User;
  d: Detail;
  arena: Arena;
  reload: () => void;
}) {
  const [form, setForm] = useState<'raise' | 'note' | null>(null);
  const { sheet, openStep } = useStepSheet(reload);
  const t = d.task;
  const today = campaignToday(arena.campaign);
  const unitName = (id: string) => arena.unit(id)?.name ?? id;
  const track = arena.tracks.find((x) => x.id === t.trackId)?.name;
  const metric = t.metricId ? arena.metric(t.metricId)?.name : undefined;
  const raise = canRaise(user, t);
  const note = canNote(user, t);
  const open = d.problems.filter((p) => p.status !== 'closed').length;
  const overdue = d.problems.filter((p) => p.overdue).length;

  return (
    <View>
      <View className="tk__card tk__head">
        <View className="tk__title-line">
          <Text className="tk__title">{t.title}</Text>
          <LightTag light={t.light} />
        </View>
        <Text className="tk__sub">
          {track ? `${track} · ` : ''}截止 {dayText(t.deadline, today)}
          {t.light === 'done' ? ' · 已完成' : `（${dueInText(t.deadline, today)}）`}
        </Text>
        {t.demo && <Text className="tk__demo">演示数据</Text>}
      </View>

      <View className="tk__card">
        <Text className="tk__label">任务内容</Text>
        <Text className="tk__text">{t.content || '未填写'}</Text>
        <Text className="tk__label">目标</Text>
        <Text className="tk__text">{t.targetText || '未填写'}</Text>
        {metric && <Fact k="关联指标" v={metric} />}
      </View>

      <View className="tk__card" data-testid="task-people">
        <Fact k="牵头单位" v={unitName(t.leadUnitId)} />
        <Fact k="责任单位" v={t.unitIds.map(unitName).join('、') || '未指定'} />
        <Fact k="联系市领导" v={t.contactLeader || '未指定'} />
        <Fact k="督导员" v={t.supervisorName || '未指定'} />
      </View>

      {(raise || note) && (
        <View className="tk__actions">
          {raise && (
            <Button className="primary-btn tk__action" data-testid="raise" onClick={() => setForm('raise')}>
              提出难题
            </Button>
          )}
          {note && (
            <Button className="ghost-btn tk__action" data-testid="write-note" onClick={() => setForm('note')}>
              写进展
            </Button>
          )}
        </View>
      )}

      <Text className="section-title">
        难题 {d.problems.length} 个{d.problems.length > 0 ? ` · 未销号 ${open} 个` : ''}
        {overdue > 0 ? ` · 逾期 ${overdue} 个` : ''}
      </Text>
      {d.problems.length === 0 && (
        <Empty
          text={`这项任务还没有难题。遇到卡点时，${raise ? '可以点「提出难题」' : '责任单位或督办员可以提出难题'}，从提出到销号每一步都留痕。`}
        />
      )}
      {d.problems.map((p) => (
        <ProblemCard
          key={p.id}
          problem={p}
          arena={arena}
          today={today}
          steps={stepsOf(user, p)}
          onStep={openStep}
          onOpen={() => void Taro.navigateTo({ url: routes.problem(p.id, t.id) }).catch(toastError)}
        />
      ))}

      <Text className="section-title">进展 {d.notes.length} 条</Text>
      {d.notes.length === 0 && (
        <Empty text={`还没有进展。${note ? '点「写进展」' : '责任单位可以写进展，'}说说推进到哪一步。`} />
      )}
      {d.notes.map((n) => (
        <View key={n.id} className="tk__card tk__note" data-testid="task-note">
          <Text className="tk__note-who">
            {unitName(n.unitId)} · {n.authorName}
          </Text>
          <Text className="tk__text">{n.text}</Text>
          <Text className="tk__note-at">
            {instantText(n.at)}
            {n.postId ? ' · 数据已发到动态' : ''}
          </Text>
        </View>
      ))}

      {form === 'raise' && (
        <RaiseForm
          user={user}
          task={t}
          arena={arena}
          today={today}
          onCancel={() => setForm(null)}
          onDone={() => {
            setForm(null);
            reload();
          }}
        />
      )}
      {form === 'note' && (
        <NoteForm
          task={t}
          onCancel={() => setForm(null)}
          onDone={() => {
            setForm(null);
            reload();
          }}
        />
      )}
      {sheet}
    </View>
  );
}

function TaskPage({ user, taskId }: { user: User; taskId: string }) {
  const arena = useArena(user.id);
  const detail = useAsync(taskId, () => call('task.get', { taskId }));

  usePullDownRefresh(() => {
    void detail.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? detail.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), detail.reload()])} />;
  if (!arena.data || !detail.data) return <PageSkeleton cards={3} />;
  return <TaskView user={user} d={detail.data} arena={arena.data} reload={() => void detail.reload()} />;
}

export default function TaskDetailPage() {
  const taskId = useRouter().params.taskId ?? '';
  return (
    <SignedInPage title="任务详情" className="tk">
      {(user) =>
        taskId ? (
          <TaskPage key={`${user.id}|${taskId}`} user={user} taskId={taskId} />
        ) : (
          <Empty text="没有指定任务" />
        )
      }
    </SignedInPage>
  );
}
