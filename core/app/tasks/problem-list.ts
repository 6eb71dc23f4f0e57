/**
 * 难题 as any signed-in user of the city reads them: `problem.list` (filters combine; the longest open
 * first, closed ones last; page by page), `problem.history` (every step, oldest first, with who took it)
 * and `board.blockers` (拆槛除障: counts by cause and by track, the oldest open problems). A campaign has
 * hundreds of problems at most, so each is worked out from the campaign's whole list.
 */
import { fail, ok, type Day } from '../../contract';
import { blockers } from '../../domain/blockers';
import { isOverdue } from '../../domain/problem-steps';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import {
  byListOrder,
  compareKeys,
  dayIn,
  eventOut,
  findTask,
  problemKey,
  problemOut,
  type ProblemKey,
} from './shared';

/** The cursor is the last item's place in the order: a page goes on after it, whatever changed since. */
const cursorOf = (key: ProblemKey): string => key.join('|');

function parseCursor(cursor: string): ProblemKey | null {
  const [closed, day, createdAt, ...id] = cursor.split('|');
  if ((closed !== '0' && closed !== '1') || day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    return null;
  const at = Number(createdAt);
  if (createdAt === '' || !Number.isSafeInteger(at) || id.length === 0) return null;
  return [closed === '1' ? 1 : 0, day as Day, at, id.join('|')];
}

export const problemList: Route<'problem.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (input.unitId !== undefined && !view.unitById.has(input.unitId))
      return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    if (input.taskId !== undefined) {
      const task = await findTask(ctx, view, input.taskId);
      if (!task.ok) return task;
    }
    const after = input.cursor === undefined ? null : parseCursor(input.cursor);
    if (input.cursor !== undefined && after === null)
      return fail('INVALID_ARGUMENT', 'cursor：翻页位置无效，请从第一页重新加载。');
    const today = dayIn(view, ctx.deps.clock.now());
    const matching = (await ctx.deps.store.tasks.listProblems(view.data.campaign.id))
      .filter(
        (p) =>
          (input.status === undefined || p.status === input.status) &&
          (input.category === undefined || p.category === input.category) &&
          (input.unitId === undefined || p.unitId === input.unitId) &&
          (input.taskId === undefined || p.taskId === input.taskId) &&
          (input.overdue === undefined || isOverdue(p, today) === input.overdue) &&
          (after === null || compareKeys(problemKey(p), after) > 0),
      )
      .sort(byListOrder);
    const page = matching.slice(0, input.limit);
    const last = page[page.length - 1];
    return ok({
      items: page.map((p) => problemOut(p, today)),
      nextCursor: matching.length > page.length && last ? cursorOf(problemKey(last)) : null,
    });
  },
};

export const problemHistory: Route<'problem.history'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const campaignId = cur.data.data.campaign.id;
    const { tasks } = ctx.deps.store;
    const problem = await tasks.getProblem(campaignId, input.problemId);
    if (!problem) return fail('NOT_FOUND', `没有找到难题「${input.problemId}」。`);
    const events = await tasks.problemHistory(campaignId, problem.id);
    return ok({ events: events.map(eventOut) });
  },
};

export const boardBlockers: Route<'board.blockers'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const today = dayIn(view, ctx.deps.clock.now());
    const problems = await ctx.deps.store.tasks.listProblems(view.data.campaign.id);
    const counted = blockers(
      problems,
      view.data.tracks.map((t) => t.id),
      today,
    );
    return ok({
      byCategory: counted.byCategory,
      byTrack: counted.byTrack.map((t) => ({
        ...t,
        trackName: view.trackById.get(t.trackId)?.name ?? t.trackId,
      })),
      oldestOpen: counted.oldestOpen.map((p) => problemOut(p, today)),
    });
  },
};
