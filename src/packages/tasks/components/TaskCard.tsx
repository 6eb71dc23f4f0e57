/** A task on the 挂图 list: its light (word and shape), deadline, lead unit and open / overdue problems. */
import { Text, View } from '@tarojs/components';
import type { Day, TaskItem } from '../../../../core/contract';
import LightTag from '../../../components/LightTag';
import type { Arena } from '../../../lib/arena';
import { dayText, dueInText } from '../../../lib/dates';

interface Props {
  task: TaskItem;
  arena: Arena;
  today: Day;
  onOpen: (task: TaskItem) => void;
}

export default function TaskCard({ task: t, arena, today, onOpen }: Props) {
  const others = t.unitIds.filter((id) => id !== t.leadUnitId).length;
  return (
    <View className="tcard" hoverClass="tcard--pressed" data-testid="task-card" onClick={() => onOpen(t)}>
      <View className="tcard__head">
        <Text className="tcard__title">{t.title}</Text>
        <LightTag light={t.light} />
      </View>
      <Text className="tcard__line">
        截止 {dayText(t.deadline, today)}
        {t.light === 'done' ? ' · 已完成' : ` · ${dueInText(t.deadline, today)}`}
      </Text>
      <Text className="tcard__line">
        牵头 {arena.unit(t.leadUnitId)?.name ?? '未指定'}
        {others > 0 ? ` · 另有 ${others} 个责任单位` : ''}
      </Text>
      <Text className="tcard__problems" data-testid="task-problems">
        {t.openProblems === 0 ? '暂无未销号难题' : `未销号难题 ${t.openProblems} 个`}
        {t.overdueProblems > 0 && (
          <Text className="tcard__overdue">{` · ⚠ 逾期 ${t.overdueProblems} 个`}</Text>
        )}
      </Text>
    </View>
  );
}
