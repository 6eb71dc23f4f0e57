/**
 * The first reminder job (DOMAIN.md "Reminders": "No post from a unit for postEveryDays (default 7)
 * days: its reporters, at 09:00"), sent to the unit's leaders as well. Due from 09:00: the first run at
 * or after nine sends the day's reminders, and later runs finish what a deadline or a missed tick left.
 * Owed again each day until the unit posts; the day is the period.
 */
import { dailyPeriod, unitsOwingPost } from '../../domain/reminders';
import type { Reminder } from './deliver';
import type { Job } from './job';

/** The campaign-zone hour the day's no-post reminders start going out. */
export const NO_POST_FROM_HOUR = 9;

const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export const noPostJob: Job = {
  name: 'no_post',
  due: (hour) => hour >= NO_POST_FROM_HOUR,
  owed: async ({ deps, view, today, users }) => {
    const { campaign, units } = view.data;
    const owing = unitsOwingPost({
      start: campaign.startDate,
      end: campaign.endDate,
      today,
      unitIds: units.map((u) => u.id),
      lastPostDays: await deps.store.posts.lastPostDays(campaign.id),
      ...(campaign.postEveryDays !== undefined ? { postEveryDays: campaign.postEveryDays } : {}),
    });
    if (owing.length === 0) return [];
    // The unit's leader too: a reporter may be away, and the leader answers for the unit's silence.
    const posters = (await users()).filter(
      (u) => (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null,
    );
    return owing.flatMap(({ unitId, idleDays, lastDay }): Reminder[] => {
      const unitName = view.unitById.get(unitId)?.name ?? unitId;
      const body =
        lastDay === null
          ? `「${unitName}」自竞赛开始还没有晒过进度，请发布本单位的第一条进展和数据。`
          : `「${unitName}」已经 ${idleDays} 天没有晒进度了（上次是 ${monthDay(lastDay)}），请发布本单位的最新进展和数据。`;
      return posters
        .filter((u) => u.unitId === unitId)
        .map((u) => ({
          userId: u.id,
          campaignId: campaign.id,
          kind: 'no_post',
          subjectId: unitId,
          period: dailyPeriod(today),
          title: '该晒进度了',
          body,
        }));
    });
  },
};
