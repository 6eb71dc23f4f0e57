/**
 * 难题销号, `problem.create` and `problem.transition`. A problem is raised against a task by a supervisor,
 * or by a reporter or leader of one of the task's responsible units for their own unit, due today or
 * later; it is raised on today's campaign day. Each step of its lifecycle is decided by
 * core/domain/problem-steps.ts inside the store's write, on the problem as stored, so two steps at once
 * cannot both pass; FORBIDDEN, CONFLICT (naming the next steps) and INVALID_ARGUMENT are the domain's
 * answers, word for word. The same requestId again, raising or stepping, changes nothing and answers as
 * the first did.
 */
import { fail, ok, roleNames, type Fail } from '../../contract';
import { checkStep, taskRefusal } from '../../domain/problem-steps';
import { callerCampaign } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import type { Task } from '../../contract';
import { dayIn, findTask, isRealDay, problemOut, unitName, type Feed } from './shared';
import type { DecideStep, ProblemEventRecord, ProblemRecord } from './store';
import type { CampaignView } from '../campaigns/view';

/**
 * Why `ctx.user` may not raise a problem of `unitId` on `task`, in words (core/domain `taskRefusal` is the
 * rule); null when they may. A supervisor naming a unit the task lacks is a wrong field, not a wrong role.
 */
function checkRaiser(
  ctx: UserCtx,
  view: CampaignView,
  task: Pick<Task, 'title' | 'unitIds'>,
  unitId: string,
): Fail | null {
  const { user } = ctx;
  switch (taskRefusal('raise', user, task.unitIds, unitId)) {
    case null:
      return null;
    case 'role':
      return fail(
        'FORBIDDEN',
        `${roleNames[user.role]}不能提出难题：只有任务责任单位的填报员、单位负责人或督办员可以。`,
      );
    case 'no_unit':
      return fail('FORBIDDEN', '你的账号未绑定单位，不能提出难题；请联系管理员绑定单位。');
    case 'other_unit':
      return fail(
        'FORBIDDEN',
        `只能为本单位提出难题：你属于「${unitName(view, user.unitId ?? '')}」，不能为「${unitName(view, unitId)}」提出。`,
      );
    case 'not_task_unit':
      return user.role === 'supervisor'
        ? null // answered below, with the field, as INVALID_ARGUMENT
        : fail(
            'FORBIDDEN',
            `「${unitName(view, unitId)}」不是任务「${task.title}」的责任单位，不能对它提出难题。`,
          );
  }
}

export function problemCreate(feed: Pick<Feed, 'screen'>): Route<'problem.create'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const { store, clock, ids } = ctx.deps;
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const found = await findTask(ctx, view, input.taskId);
      if (!found.ok) return found;
      const task = found.data;
      const refused = checkRaiser(ctx, view, task, input.unitId);
      if (refused) return refused;
      if (!view.unitById.has(input.unitId))
        return fail(
          'INVALID_ARGUMENT',
          `unitId：单位「${input.unitId}」不在「${view.data.campaign.name}」中。`,
        );
      if (!task.unitIds.includes(input.unitId))
        return fail(
          'INVALID_ARGUMENT',
          `unitId：「${unitName(view, input.unitId)}」不是任务「${task.title}」的责任单位，请选择该任务的责任单位。`,
        );
      const now = clock.now();
      const today = dayIn(view, now);
      if (!isRealDay(input.dueDate))
        return fail('INVALID_ARGUMENT', `dueDate：日期「${input.dueDate}」不存在。`);
      if (input.dueDate < today)
        return fail('INVALID_ARGUMENT', `dueDate：处理期限不能早于今天（${today}）。`);
      const screened = await feed.screen(ctx, `${input.title}\n${input.detail}`);
      if (!screened.ok) return screened;

      const problem: ProblemRecord = {
        id: ids.newId(),
        cityId: view.data.cityId,
        campaignId: view.data.campaign.id,
        taskId: task.id,
        trackId: task.trackId,
        unitId: input.unitId,
        title: input.title,
        detail: input.detail,
        category: input.category,
        dueDay: input.dueDate,
        status: 'open',
        raisedDay: today,
        raisedById: user.id,
        closedDay: null,
        createdAt: now,
        updatedAt: now,
        demo: false,
      };
      const raised: ProblemEventRecord = {
        problemId: problem.id,
        at: now,
        byId: user.id,
        byName: user.name,
        from: null,
        to: 'open',
        note: input.detail,
        requestId: input.requestId,
      };
      const created = await store.tasks.createProblem(problem, raised);
      return ok({ problem: problemOut(created.problem, today) });
    },
  };
}

export const problemTransition: Route<'problem.transition'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { user } = ctx;
    const { store, clock } = ctx.deps;
    const cur = await callerCampaign(ctx, user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const now = clock.now();
    const today = dayIn(view, now);
    // Decided on the problem as the store holds it inside the write, never on an earlier read.
    const decide: DecideStep = (current) => {
      const check = checkStep(current.status, input.to, user, current.unitId, input.note);
      if (!check.ok) return check;
      return {
        ok: true,
        problem: {
          ...current,
          status: input.to,
          updatedAt: now,
          closedDay: input.to === 'closed' ? today : current.closedDay,
        },
        event: {
          problemId: current.id,
          at: now,
          byId: user.id,
          byName: user.name,
          from: current.status,
          to: input.to,
          note: input.note,
          requestId: input.requestId,
        },
      };
    };
    const stepped = await store.tasks.stepProblem(
      view.data.campaign.id,
      input.problemId,
      { byId: user.id, requestId: input.requestId },
      decide,
    );
    if (!stepped.ok)
      return stepped.code === 'NOT_FOUND'
        ? fail('NOT_FOUND', `没有找到难题「${input.problemId}」。`)
        : fail(stepped.code, stepped.message);
    return ok({ problem: problemOut(stepped.problem, today) });
  },
};
