/**
 * The task-deadline reminder (issue 12): a task not done whose deadline is within 3 days (today
 * included) and which still has problems not closed off reminds its supervisor (the task's
 * `supervisorId`), once per task and deadline — a deadline moved later owes a new one. Due from 09:00.
 */
import { addDays } from '../../domain/days';
import type { Reminder } from './deliver';
import type { Job } from './job';

export const TASK_DUE_FROM_HOUR = 9;
/** How many days before its deadline a task with open problems is brought to its supervisor. */
export const TASK_DUE_WITHIN_DAYS = 3;

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export const taskDueJob: Job = {
  name: 'task_due',
  due: (hour) => hour >= TASK_DUE_FROM_HOUR,
  owed: async ({ deps, view, today }) => {
    const { campaign } = view.data;
    const horizon = addDays(today, TASK_DUE_WITHIN_DAYS);
    const tasks = (await deps.store.tasks.listTasks(campaign.id)).filter(
      (t) => !t.done && t.supervisorId !== null && t.deadline >= today && t.deadline <= horizon,
    );
    if (tasks.length === 0) return [];
    const open = new Map<string, number>();
    for (const p of await deps.store.tasks.listProblems(campaign.id)) {
      if (p.status !== 'closed') open.set(p.taskId, (open.get(p.taskId) ?? 0) + 1);
    }
    return tasks.flatMap((t): Reminder[] => {
      const count = open.get(t.id) ?? 0;
      if (count === 0 || t.supervisorId === null) return [];
      const when = t.deadline === today ? '今天到期' : `将于 ${monthDay(t.deadline)}到期`;
      return [
        {
          userId: t.supervisorId,
          campaignId: campaign.id,
          kind: 'task_due',
          subjectId: t.id,
          period: `deadline-${t.deadline}`,
          title: '任务临近截止',
          body: `任务「${t.title}」${when}，还有 ${count} 个难题未销号，请督促责任单位抓紧解决。`,
        },
      ];
    });
  },
};
