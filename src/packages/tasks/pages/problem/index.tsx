/**
 * 难题: one problem — its details, the step buttons this user may take, and its history as a timeline
 * (who, when, from → to, and the note of each step), oldest first as the server keeps it.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  problemCategoryNames,
  problemStatusNames,
  type ActionOutput,
  type Problem,
  type ProblemEvent,
  type User,
} from '../../../../../core/contract';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import StatusChip from '../../components/StatusChip';
import { useStepSheet } from '../../components/useStepSheet';
import '../../components/index.scss';
import { call } from '../../../../api/call';
import { ApiCallError } from '../../../../api/errors';
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
import { stepsOf } from '../../lib/people';
import './index.scss';

/** A step of the history in words: 提出难题（待处理）, 处理中 → 已解决. */
export function stepText(e: Pick<ProblemEvent, 'from' | 'to'>): string {
  if (e.from === null) return `提出难题（${problemStatusNames[e.to]}）`;
  return `${problemStatusNames[e.from]} → ${problemStatusNames[e.to]}`;
}

export function Timeline({ events }: { events: ProblemEvent[] }) {
  if (events.length === 0) return <Empty text="还没有办理记录" />;
  return (
    <View className="pb__card tl" data-testid="timeline">
      {events.map((e, i) => (
        <View key={`${e.at}|${i}`} className="tl__item" data-testid="timeline-item">
          <View className="tl__rail">
            <View className={`tl__dot tl__dot--${e.to}`} />
            <View className="tl__line" />
          </View>
          <View className="tl__body">
            <Text className="tl__step">{stepText(e)}</Text>
            <Text className="tl__who">
              {e.byName} · {instantText(e.at)}
            </Text>
            {e.note && <Text className="tl__note">{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

interface Loaded {
  task: ActionOutput<'task.get'>['task'];
  problem: Problem;
  events: ProblemEvent[];
}

export function ProblemView({
  user,
  data,
  arena,
  reload,
}: {
  user: User;
  data: Loaded;
  arena: Arena;
  reload: () => void;
}) {
  const { sheet, openStep } = useStepSheet(reload);
  const p = data.problem;
  const today = campaignToday(arena.campaign);
  const steps = stepsOf(user, p);
  return (
    <View>
      <View className="pb__card pb__head">
        <Text className="pb__title">{p.title}</Text>
        <StatusChip status={p.status} overdue={p.overdue} />
        <View className="pb__facts">
          <Text className="pb__fact">类别：{problemCategoryNames[p.category]}</Text>
          <Text className="pb__fact">责任单位：{arena.unit(p.unitId)?.name ?? '未知单位'}</Text>
          <Text className="pb__fact">
            办结期限：{dayText(p.dueDate, today)}
            {p.status === 'closed' ? '' : `（${dueInText(p.dueDate, today)}）`}
          </Text>
          <Text className="pb__fact">提出日期：{dayText(p.raisedDay, today)}</Text>
          {p.closedDay && <Text className="pb__fact">销号日期：{dayText(p.closedDay, today)}</Text>}
        </View>
        <View
          className="pb__task"
          hoverClass="pb__task--pressed"
          onClick={() => void Taro.navigateTo({ url: routes.task(data.task.id) }).catch(toastError)}
        >
          <Text>所属任务：{data.task.title}</Text>
          <Text>›</Text>
        </View>
      </View>
      <View className="pb__card">
        <Text className="pb__label">详情</Text>
        <Text className="pb__text">{p.detail || '未填写详情'}</Text>
      </View>
      {steps.length > 0 && (
        <View className="pb__steps">
          {steps.map((s, i) => (
            <Button
              key={s.to}
              className={`${i === 0 ? 'primary-btn' : 'ghost-btn'} pb__step`}
              data-testid={`step-${s.to}`}
              onClick={() => openStep(p, s)}
            >
              {s.verb}
            </Button>
          ))}
        </View>
      )}
      <Text className="section-title">办理记录</Text>
      <Timeline events={data.events} />
      {sheet}
    </View>
  );
}

function ProblemPage({ user, problemId, taskId }: { user: User; problemId: string; taskId: string }) {
  const arena = useArena(user.id);
  const loaded = useAsync(`${problemId}|${taskId}`, async (): Promise<Loaded> => {
    const [detail, history] = await Promise.all([
      call('task.get', { taskId }),
      call('problem.history', { problemId }),
    ]);
    const problem = detail.problems.find((x) => x.id === problemId);
    if (!problem) throw new ApiCallError('NOT_FOUND', '找不到这个难题，它可能不属于这项任务');
    return { task: detail.task, problem, events: history.events };
  });

  usePullDownRefresh(() => {
    void loaded.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const err = arena.error ?? loaded.error;
  if (err)
    return <ErrorState error={err} onRetry={() => void Promise.all([arena.reload(), loaded.reload()])} />;
  if (!arena.data || !loaded.data) return <PageSkeleton cards={2} />;
  return (
    <ProblemView user={user} data={loaded.data} arena={arena.data} reload={() => void loaded.reload()} />
  );
}

export default function ProblemDetailPage() {
  const { problemId = '', taskId = '' } = useRouter().params;
  return (
    <SignedInPage title="难题详情" className="pb">
      {(user) =>
        problemId && taskId ? (
          <ProblemPage key={`${user.id}|${problemId}`} user={user} problemId={problemId} taskId={taskId} />
        ) : (
          <Empty text="没有指定难题" />
        )
      }
    </SignedInPage>
  );
}
