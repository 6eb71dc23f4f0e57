/**
 * 挂图作战, `task.list` and `task.get`: the campaign's tasks for any signed-in user of its city, each with
 * its light (core/domain/task-light.ts) and its open and overdue problems. A task's linked metric lends it
 * the worst light that metric has today among the task's units with a target for it, from the same
 * standings the leaderboard shows (cached until the next write); a task without one needs no standings.
 */
import { fail, ok, type Day, type Light, type TaskItem } from '../../contract';
import { isOverdue } from '../../domain/problem-steps';
import { taskLight } from '../../domain/task-light';
import { callerCampaign, type CampaignView } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import { byListOrder, dayIn, findTask, noteOut, problemOut, taskOut } from './shared';
import type { ProblemRecord, TaskRecord } from './store';

/** Worst first: a task is as far behind as its furthest-behind unit. */
const lightRank: Record<Light, number> = { red: 0, yellow: 1, green: 2, done: 3 };

/** (unit, metric) → that metric's light for the unit today; empty when no task links a metric. */
async function metricLights(
  ctx: UserCtx,
  view: CampaignView,
  tasks: readonly TaskRecord[],
  day: Day,
  now: number,
): Promise<Map<string, Map<string, Light>>> {
  const lights = new Map<string, Map<string, Light>>();
  if (!tasks.some((t) => t.metricId !== null && view.metricById.has(t.metricId))) return lights;
  const standings = await ctx.state.standings.get(ctx.deps.store, view, day, undefined, now);
  for (const row of standings.today.rows) {
    lights.set(row.unitId, new Map(row.metrics.map((m) => [m.metricId, m.light])));
  }
  return lights;
}

/** The linked metric's worst light over the task's units that have a target for it; null without one. */
function linkedLight(
  task: TaskRecord,
  lights: ReadonlyMap<string, ReadonlyMap<string, Light>>,
): Light | null {
  if (task.metricId === null) return null;
  let worst: Light | null = null;
  for (const unitId of task.unitIds) {
    const light = lights.get(unitId)?.get(task.metricId);
    if (light !== undefined && (worst === null || lightRank[light] < lightRank[worst])) worst = light;
  }
  return worst;
}

/** Each task as a row of the 挂图 list, given every problem of the campaign. */
export async function taskItems(
  ctx: UserCtx,
  view: CampaignView,
  tasks: readonly TaskRecord[],
  problems: readonly ProblemRecord[],
  now: number,
): Promise<TaskItem[]> {
  const day = dayIn(view, now);
  const lights = await metricLights(ctx, view, tasks, day, now);
  const byTask = new Map<string, ProblemRecord[]>();
  for (const p of problems) byTask.set(p.taskId, [...(byTask.get(p.taskId) ?? []), p]);
  return tasks.map((task) => {
    const own = byTask.get(task.id) ?? [];
    return {
      ...taskOut(task),
      light: taskLight(
        { done: task.done, deadline: task.deadline, metricLight: linkedLight(task, lights), problems: own },
        day,
      ),
      openProblems: own.filter((p) => p.status !== 'closed').length,
      overdueProblems: own.filter((p) => isOverdue(p, day)).length,
    };
  });
}

export const taskList: Route<'task.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    if (input.trackId !== undefined && !view.trackById.has(input.trackId))
      return fail('NOT_FOUND', `子活动「${input.trackId}」不存在。`);
    if (input.unitId !== undefined && !view.unitById.has(input.unitId))
      return fail('NOT_FOUND', `单位「${input.unitId}」不存在。`);
    const { tasks: store } = ctx.deps.store;
    const id = view.data.campaign.id;
    const [all, problems] = await Promise.all([store.listTasks(id), store.listProblems(id)]);
    const tasks = all.filter(
      (t) =>
        (input.trackId === undefined || t.trackId === input.trackId) &&
        (input.unitId === undefined || t.unitIds.includes(input.unitId)),
    );
    const items = await taskItems(ctx, view, tasks, problems, ctx.deps.clock.now());
    // Grouped by track in the campaign's order (a track since removed last), then by deadline.
    const trackAt = new Map(view.data.tracks.map((t, i) => [t.id, i]));
    const at = (trackId: string) => trackAt.get(trackId) ?? trackAt.size;
    const order = new Map(tasks.map((t, i) => [t.id, i]));
    items.sort((a, b) => at(a.trackId) - at(b.trackId) || order.get(a.id)! - order.get(b.id)!);
    return ok({ items: input.light === undefined ? items : items.filter((t) => t.light === input.light) });
  },
};

export const taskGet: Route<'task.get'> = {
  access: 'user',
  run: async (ctx, input) => {
    const cur = await callerCampaign(ctx, ctx.user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const found = await findTask(ctx, view, input.taskId);
    if (!found.ok) return found;
    const task = found.data;
    const { tasks: store } = ctx.deps.store;
    const id = view.data.campaign.id;
    const [problems, notes] = await Promise.all([store.listProblems(id), store.listTaskNotes(id, task.id)]);
    const own = problems.filter((p) => p.taskId === task.id).sort(byListOrder);
    const now = ctx.deps.clock.now();
    const [item] = await taskItems(ctx, view, [task], own, now);
    const today = dayIn(view, now);
    return ok({ task: item!, problems: own.map((p) => problemOut(p, today)), notes: notes.map(noteOut) });
  },
};
