/**
 * A 挂图作战 task's light (DOMAIN.md "Task"): done once a supervisor marks it done; red when past its
 * deadline or when its linked metric is red; yellow when one of its problems is overdue or its linked
 * metric is yellow; green otherwise. Shown with a word and a shape beside the colour, like a metric's.
 */
import type { Day, Light, ProblemStatus } from '../contract';
import { isOverdue } from './problem-steps';

export interface TaskFacts {
  /** Marked done by a supervisor. */
  done: boolean;
  deadline: Day;
  /** The light of the linked metric for the task's units, when the task has one. */
  metricLight: Light | null;
  problems: ReadonlyArray<{ status: ProblemStatus; dueDay: Day }>;
}

export function taskLight(task: TaskFacts, day: Day): Light {
  if (task.done) return 'done';
  if (task.deadline < day || task.metricLight === 'red') return 'red';
  if (task.metricLight === 'yellow' || task.problems.some((p) => isOverdue(p, day))) return 'yellow';
  return 'green';
}
