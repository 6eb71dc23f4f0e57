/**
 * The 约谈 and 书面说明 reminders (DOMAIN.md "Reminders": "A 约谈 notice, an explanation request, 3 days
 * and 1 day before its due date, and on it"): a scheduled interview reminds its unit's leaders; an
 * explanation request reminds its unit's leaders once when it is made and again before it is due, until it
 * is submitted (a returned one is owed again). The explanation job first makes the requests that are due
 * (../accounting.ts), so a campaign's end needs no one to open a page. Due from 09:00; the dedupe key
 * carries the due day and how many days were left, so each goes out once, and a moved due day owes anew.
 */
import { levelNames } from '../../contract';
import { daysBetween } from '../../domain/days';
import { periodName } from '../../domain/review';
import { settleAccounts } from '../accounting';
import type { UserRecord } from '../people/store';
import type { Reminder } from './deliver';
import type { Job } from './job';

export const REVIEW_DUE_FROM_HOUR = 9;
/** Days before a due day a reminder goes out (0: on the day). */
export const REMIND_DAYS_BEFORE: readonly number[] = [3, 1, 0];

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const when = (left: number, due: string): string => (left === 0 ? '今天到期' : `还有 ${left} 天（${monthDay(due)}到期）`);

const leadersOf = (users: readonly UserRecord[], unitId: string): UserRecord[] =>
  users.filter((u) => u.role === 'unit_leader' && u.unitId === unitId);

export const interviewDueJob: Job = {
  name: 'interview_due',
  due: (hour) => hour >= REVIEW_DUE_FROM_HOUR,
  owed: async ({ deps, view, today, users }) => {
    const { campaign } = view.data;
    const soon = (await deps.store.reviews.listInterviews(campaign.id)).filter(
      (i) => i.status === 'scheduled' && REMIND_DAYS_BEFORE.includes(daysBetween(today, i.dueDay)),
    );
    if (soon.length === 0) return [];
    const everyone = await users();
    return soon.flatMap((i) => {
      const left = daysBetween(today, i.dueDay);
      const unit = view.unitById.get(i.unitId)?.name ?? i.unitId;
      return leadersOf(everyone, i.unitId).map(
        (u): Reminder => ({
          userId: u.id,
          campaignId: campaign.id,
          kind: 'interview_due',
          subjectId: i.id,
          period: `due:${i.dueDay}:${left}`,
          title: '约谈临近',
          body: `「${unit}」${periodName(i.period)}通报的约谈（${levelNames[i.level]}）${when(left, i.dueDay)}，请按时参加。`,
        }),
      );
    });
  },
};

export const explanationDueJob: Job = {
  name: 'explanation_due',
  due: (hour) => hour >= REVIEW_DUE_FROM_HOUR,
  owed: async ({ deps, view, now, today, users }) => {
    const { campaign } = view.data;
    const { explanations } = await settleAccounts(deps, view, now);
    const open = explanations.filter((e) => e.status === 'requested' || e.status === 'returned');
    if (open.length === 0) return [];
    const everyone = await users();
    return open.flatMap((e) => {
      const left = daysBetween(today, e.dueDay);
      const metric = view.metricById.get(e.metricId)?.name ?? e.metricId;
      const made: Array<Omit<Reminder, 'userId'>> = [];
      if (e.status === 'requested')
        made.push({
          campaignId: campaign.id,
          kind: 'explanation_due',
          subjectId: e.id,
          period: 'request',
          title: '请提交书面说明',
          body: `「${campaign.name}」已结束，本单位「${metric}」未完成目标，请于 ${monthDay(e.dueDay)}前提交书面说明。`,
        });
      if (REMIND_DAYS_BEFORE.includes(left))
        made.push({
          campaignId: campaign.id,
          kind: 'explanation_due',
          subjectId: e.id,
          period: `due:${e.dueDay}:${left}`,
          title: '书面说明临近截止',
          body: `「${metric}」的书面说明${when(left, e.dueDay)}，尚未提交，请抓紧。`,
        });
      return leadersOf(everyone, e.unitId).flatMap((u) => made.map((m): Reminder => ({ ...m, userId: u.id })));
    });
  },
};
