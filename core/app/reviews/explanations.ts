/**
 * 书面说明: `explanation.list` (made when the campaign's figures are final; a unit's staff see their own
 * unit's), `explanation.submit` (that unit's leader, text screened like a post, photos their own uploads;
 * again after a return) and `explanation.decide` (a supervisor accepts a submitted one, or returns it with
 * the reason, and the unit's leaders are told). Steps are decided on the record inside the store's write.
 */
import { explanationStatusNames, fail, ok } from '../../contract';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { settleAccounts } from '../accounting';
import { explanationOut, listScope, requireRole, unitNameIn, type Checks, type Tell } from './shared';
import type { DecideExplanation } from './store';

export const explanationList: Route<'explanation.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const scope = await listScope(ctx, input, '书面说明');
    if (!scope.ok) return scope;
    const { view, unitId } = scope.data;
    const { explanations } = await settleAccounts(ctx.deps, view, ctx.deps.clock.now());
    const items = explanations.filter(
      (e) => (unitId === undefined || e.unitId === unitId) && (input.status === undefined || e.status === input.status),
    );
    return ok({ items: items.map((e) => explanationOut(e, view)) });
  },
};

const notFound = (id: string) => fail('NOT_FOUND', `没有找到书面说明「${id}」。`);

export function explanationSubmit(checks: Checks): Route<'explanation.submit'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const refused = requireRole(user, ['unit_leader'], '提交书面说明');
      if (refused) return refused;
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const screened = await checks.screen(ctx, input.text);
      if (!screened.ok) return screened;
      const photos = input.photos ?? [];
      const foreign = await checks.photos(ctx, photos);
      if (foreign) return foreign;
      const now = ctx.deps.clock.now();
      const decide: DecideExplanation = (current) => {
        if (current.unitId !== user.unitId)
          return {
            ok: false,
            code: 'FORBIDDEN',
            message: `只能提交本单位的书面说明：这是「${unitNameIn(view, current.unitId)}」的。`,
          };
        if (current.status !== 'requested' && current.status !== 'returned')
          return {
            ok: false,
            code: 'CONFLICT',
            message: `该书面说明${explanationStatusNames[current.status]}，不能再提交。`,
          };
        return {
          ok: true,
          record: {
            ...current,
            status: 'submitted',
            text: input.text,
            photos,
            submittedAt: now,
            submittedById: user.id,
            submittedByName: user.name,
            submissions: current.submissions + 1,
            updatedAt: now,
          },
          event: {
            explanationId: current.id,
            at: now,
            byId: user.id,
            byName: user.name,
            to: 'submitted',
            note: '',
            requestId: input.requestId,
          },
        };
      };
      const stepped = await ctx.deps.store.reviews.stepExplanation(
        view.data.campaign.id,
        input.explanationId,
        { byId: user.id, requestId: input.requestId },
        decide,
      );
      if (!stepped.ok) return stepped.code === 'NOT_FOUND' ? notFound(input.explanationId) : fail(stepped.code, stepped.message);
      return ok({ explanation: explanationOut(stepped.record, view) });
    },
  };
}

export function explanationDecide(tell: Tell): Route<'explanation.decide'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const refused = requireRole(user, ['supervisor'], '审核书面说明');
      if (refused) return refused;
      const reason = input.reason?.trim() ?? '';
      if (input.decision === 'return' && reason === '')
        return fail('INVALID_ARGUMENT', 'reason：退回时请填写原因，告诉单位需要补充什么。');
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const now = ctx.deps.clock.now();
      const to = input.decision === 'accept' ? 'accepted' : 'returned';
      const decide: DecideExplanation = (current) => {
        if (current.status !== 'submitted')
          return {
            ok: false,
            code: 'CONFLICT',
            message: `该书面说明${explanationStatusNames[current.status]}，只有待审核的才能${input.decision === 'accept' ? '通过' : '退回'}。`,
          };
        return {
          ok: true,
          record: {
            ...current,
            status: to,
            decidedAt: now,
            decidedById: user.id,
            decidedByName: user.name,
            returnReason: to === 'returned' ? reason : current.returnReason,
            updatedAt: now,
          },
          event: { explanationId: current.id, at: now, byId: user.id, byName: user.name, to, note: reason, requestId: input.requestId },
        };
      };
      const stepped = await ctx.deps.store.reviews.stepExplanation(
        view.data.campaign.id,
        input.explanationId,
        { byId: user.id, requestId: input.requestId },
        decide,
      );
      if (!stepped.ok) return stepped.code === 'NOT_FOUND' ? notFound(input.explanationId) : fail(stepped.code, stepped.message);
      const e = stepped.record;
      if (e.status === 'returned') {
        const leaders = (await ctx.deps.store.people.listUsers({ cityId: view.data.cityId })).filter(
          (u) => u.role === 'unit_leader' && u.unitId === e.unitId,
        );
        const metric = view.metricById.get(e.metricId)?.name ?? e.metricId;
        await tell.send(
          ctx,
          leaders.map((u) => ({
            user: u,
            campaignId: e.campaignId,
            kind: 'explanation_due',
            subjectId: e.id,
            period: `returned:${e.submissions}`,
            title: '书面说明被退回',
            body: `「${metric}」的书面说明被退回：${e.returnReason ?? ''}。请修改后于 ${e.dueDay} 前重新提交。`,
          })),
        );
      }
      return ok({ explanation: explanationOut(e, view) });
    },
  };
}
