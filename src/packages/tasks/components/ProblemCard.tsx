/**
 * A problem in a list: its title, status chip (and 逾期), cause, responsible unit and due date, and the
 * buttons for the steps this user may take now (core/domain stepsFor). A tap elsewhere opens its page.
 */
import { Button, Text, View } from '@tarojs/components';
import { problemCategoryNames, type Day, type Problem } from '../../../../core/contract';
import type { Arena } from '../../../lib/arena';
import { dayText, dueInText } from '../../../lib/dates';
import type { ProblemStep } from '../lib/people';
import StatusChip from './StatusChip';

interface Props {
  problem: Problem;
  arena: Arena;
  today: Day;
  steps?: readonly ProblemStep[];
  /** The task's title, for lists that mix tasks. */
  taskTitle?: string;
  onOpen: (problem: Problem) => void;
  onStep?: (problem: Problem, step: ProblemStep) => void;
}

export default function ProblemCard({
  problem: p,
  arena,
  today,
  steps = [],
  taskTitle,
  onOpen,
  onStep,
}: Props) {
  const closed = p.status === 'closed';
  return (
    <View className="pcard" hoverClass="pcard--pressed" data-testid="problem-card" onClick={() => onOpen(p)}>
      <Text className="pcard__title">{p.title}</Text>
      <StatusChip status={p.status} overdue={p.overdue} />
      <Text className="pcard__line">
        {problemCategoryNames[p.category]} · {arena.unit(p.unitId)?.name ?? '未知单位'}
      </Text>
      <Text className="pcard__line">
        {closed
          ? `${p.closedDay ? `${dayText(p.closedDay, today)}销号` : '已销号'}（期限 ${dayText(p.dueDate, today)}）`
          : `${dayText(p.dueDate, today)}前办结 · `}
        {!closed && <Text className={p.overdue ? 'pcard__late' : ''}>{dueInText(p.dueDate, today)}</Text>}
      </Text>
      {taskTitle && <Text className="pcard__line">任务：{taskTitle}</Text>}
      {steps.length > 0 && onStep && (
        <View className="steps">
          {steps.map((s) => (
            <Button
              key={s.to}
              className="ghost-btn steps__btn"
              data-testid={`step-${s.to}`}
              onClick={(e) => {
                // The button's own action, not the card's.
                e.stopPropagation();
                onStep(p, s);
              }}
            >
              {s.verb}
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}
