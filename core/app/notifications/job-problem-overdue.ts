/**
 * The overdue-problem reminder (DOMAIN.md "Reminders": "A problem past its due date and not closed: the
 * responsible unit, daily"): each problem past its due date and not yet closed off (销号) reminds its
 * unit's reporters and leader once a day — the dedupe key is (user, problem, day) — in the app and on
 * every channel. Due from 09:00 like the no-post reminder; later runs of the day send what is left.
 */
import { problemStatusNames } from '../../contract';
import { daysBetween } from '../../domain/days';
import { isOverdue } from '../../domain/problem-steps';
import { dailyPeriod } from '../../domain/reminders';
import type { Reminder } from './deliver';
import type { Job } from './job';

/** The campaign-zone hour the day's overdue-problem reminders start going out. */
export const PROBLEM_OVERDUE_FROM_HOUR = 9;

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export const problemOverdueJob: Job = {
  name: 'problem_overdue',
  due: (hour) => hour >= PROBLEM_OVERDUE_FROM_HOUR,
  owed: async ({ deps, view, today, users }) => {
    const { campaign } = view.data;
    const overdue = (await deps.store.tasks.listProblems(campaign.id)).filter((p) => isOverdue(p, today));
    if (overdue.length === 0) return [];
    const staff = (await users()).filter(
      (u) => (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null,
    );
    return overdue.flatMap((p): Reminder[] => {
      const unitName = view.unitById.get(p.unitId)?.name ?? p.unitId;
      const late = daysBetween(p.dueDay, today);
      // A resolved problem waits for the supervisor's 销号: the unit is told where it stands.
      const next =
        p.status === 'resolved'
          ? '已提交解决情况，尚待督办员销号，请跟进。'
          : '请尽快处理，解决后提交解决情况。';
      const body = `「${unitName}」的难题「${p.title}」已过处理期限 ${late} 天（${monthDay(p.dueDay)}到期），现为「${problemStatusNames[p.status]}」，${next}`;
      return staff
        .filter((u) => u.unitId === p.unitId)
        .map((u) => ({
          userId: u.id,
          campaignId: campaign.id,
          kind: 'problem_overdue',
          subjectId: p.id,
          period: dailyPeriod(today),
          title: '难题已逾期',
          body,
        }));
    });
  },
};
