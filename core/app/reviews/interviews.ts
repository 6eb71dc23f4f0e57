/**
 * 约谈: `interview.list` (a unit's staff see their own unit's) and `interview.record` — a supervisor
 * records that a scheduled interview was held, on which day (not in the future, not before the 通报 that
 * called it was published) and how it went. Recording it again with the same request answers as the first time.
 */
import { fail, ok } from '../../contract';
import { dayOf } from '../../domain/days';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { interviewOut, listScope, requireRole, todayIn } from './shared';
import type { DecideInterview } from './store';

export const interviewList: Route<'interview.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const scope = await listScope(ctx, input, '约谈记录');
    if (!scope.ok) return scope;
    const { view, unitId } = scope.data;
    const items = (await ctx.deps.store.reviews.listInterviews(view.data.campaign.id)).filter(
      (i) =>
        (unitId === undefined || i.unitId === unitId) &&
        (input.period === undefined || i.period === input.period) &&
        (input.status === undefined || i.status === input.status),
    );
    return ok({ items: items.map((i) => interviewOut(i, view)) });
  },
};

export const interviewRecord: Route<'interview.record'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { user } = ctx;
    const refused = requireRole(user, ['supervisor'], '记录约谈情况');
    if (refused) return refused;
    const cur = await callerCampaign(ctx, user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const now = ctx.deps.clock.now();
    const today = todayIn(view, now);
    if (input.heldAt > today)
      return fail('INVALID_ARGUMENT', `heldAt：约谈日期 ${input.heldAt} 晚于今天，请填写实际约谈的日期。`);
    const decide: DecideInterview = (current) => {
      if (current.status === 'held')
        return { ok: false, code: 'CONFLICT', message: `该约谈已于 ${current.heldDay} 记录，不能重复记录。` };
      if (current.status === 'cancelled')
        return { ok: false, code: 'CONFLICT', message: '该约谈已因通报更正而撤销，无需记录。' };
      const called = dayOf(current.createdAt, view.data.campaign.timezone);
      if (input.heldAt < called)
        return {
          ok: false,
          code: 'INVALID_ARGUMENT',
          message: `heldAt：约谈日期 ${input.heldAt} 早于通报发布的 ${called}，请填写实际约谈的日期。`,
        };
      return {
        ok: true,
        record: {
          ...current,
          status: 'held',
          heldDay: input.heldAt,
          note: input.note,
          recordedById: user.id,
          recordedByName: user.name,
          requestId: input.requestId,
          updatedAt: now,
        },
      };
    };
    const stepped = await ctx.deps.store.reviews.stepInterview(
      view.data.campaign.id,
      input.interviewId,
      { byId: user.id, requestId: input.requestId },
      decide,
    );
    if (!stepped.ok)
      return fail(
        stepped.code,
        stepped.code === 'NOT_FOUND' ? `没有找到约谈「${input.interviewId}」。` : stepped.message,
      );
    return ok({ interview: interviewOut(stepped.record, view) });
  },
};
