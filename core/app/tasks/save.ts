/**
 * 挂图作战, `task.save`: an admin or a supervisor creates a task (no id) or edits one of the campaign.
 * Everything it names must be of the campaign — the track, the lead and responsible units, the linked
 * metric — and the supervisor it names a supervisor of the city; a wrong reference is refused in Chinese,
 * naming the field, and nothing is written. The lead unit is listed first among the responsible units,
 * each unit once.
 */
import { fail, ok, roleNames, type ActionArgs, type Fail } from '../../contract';
import { callerCampaign, type CampaignView } from '../campaigns/view';
import type { Route, UserCtx } from '../context';
import { isRealDay, taskOut } from './shared';
import type { TaskRecord } from './store';

const editors = new Set(['admin', 'supervisor']);

const invalid = (field: string, message: string): Fail =>
  fail('INVALID_ARGUMENT', `task.${field}：${message}`);

type TaskArgs = ActionArgs<'task.save'>['task'];

/** The first wrong reference of `task`, or null when every one is of the campaign (and city). */
async function checkReferences(ctx: UserCtx, view: CampaignView, task: TaskArgs): Promise<Fail | null> {
  const { name } = view.data.campaign;
  if (!view.trackById.has(task.trackId))
    return invalid('trackId', `子活动「${task.trackId}」不在「${name}」中。`);
  if (!view.unitById.has(task.leadUnitId))
    return invalid('leadUnitId', `牵头单位「${task.leadUnitId}」不在「${name}」中。`);
  for (const [i, unitId] of task.unitIds.entries()) {
    if (!view.unitById.has(unitId))
      return invalid(`unitIds.${i}`, `责任单位「${unitId}」不在「${name}」中。`);
  }
  if (task.metricId !== null && !view.metricById.has(task.metricId))
    return invalid('metricId', `关联指标「${task.metricId}」不在「${name}」中。`);
  if (!isRealDay(task.deadline)) return invalid('deadline', `日期「${task.deadline}」不存在。`);
  if (task.supervisorId !== null) {
    const user = await ctx.deps.store.people.getUser(task.supervisorId);
    if (!user || user.cityId !== view.data.cityId || user.role !== 'supervisor')
      return invalid('supervisorId', `「${task.supervisorId}」不是本市的督办员账号。`);
  }
  return null;
}

export const taskSave: Route<'task.save'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { user } = ctx;
    if (!editors.has(user.role))
      return fail(
        'FORBIDDEN',
        `${roleNames[user.role]}不能编辑挂图作战任务：只有管理员或督办员可以新建和修改任务。`,
      );
    const cur = await callerCampaign(ctx, user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const campaignId = view.data.campaign.id;
    const { task } = input;
    const before = task.id === undefined ? null : await ctx.deps.store.tasks.getTask(campaignId, task.id);
    if (task.id !== undefined && !before) return fail('NOT_FOUND', `没有找到任务「${task.id}」。`);
    const wrong = await checkReferences(ctx, view, task);
    if (wrong) return wrong;

    let supervisorName = task.supervisorName;
    if (supervisorName === '' && task.supervisorId !== null)
      supervisorName = (await ctx.deps.store.people.getUser(task.supervisorId))?.name ?? '';
    const record: TaskRecord = {
      id: before?.id ?? ctx.deps.ids.newId(),
      cityId: view.data.cityId,
      campaignId,
      title: task.title,
      content: task.content,
      targetText: task.targetText,
      trackId: task.trackId,
      leadUnitId: task.leadUnitId,
      unitIds: [...new Set([task.leadUnitId, ...task.unitIds])],
      contactLeader: task.contactLeader,
      supervisorName,
      supervisorId: task.supervisorId,
      deadline: task.deadline,
      metricId: task.metricId,
      done: task.done,
      // Demo data stays labelled as such when edited.
      demo: before?.demo ?? false,
      updatedAt: ctx.deps.clock.now(),
    };
    await ctx.deps.store.tasks.saveTask(record);
    return ok({ task: taskOut(record) });
  },
};
