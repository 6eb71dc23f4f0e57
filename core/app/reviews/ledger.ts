/**
 * The assessment ledger: `ledger.list` (oldest first, with each unit's total; a unit's staff see their own
 * unit's) and `ledger.reverse` — a supervisor undoes a deduction with a new entry of the opposite points
 * and the reason; the deduction itself is never edited, and a deduction is reversed at most once.
 */
import { fail, ok } from '../../contract';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { settleAccounts } from '../accounting';
import { ledgerOut, listScope, requireRole, unitNameIn } from './shared';
import type { LedgerRecord } from './store';

export const ledgerList: Route<'ledger.list'> = {
  access: 'user',
  run: async (ctx, input) => {
    const scope = await listScope(ctx, input, '扣分记录');
    if (!scope.ok) return scope;
    const { view, unitId } = scope.data;
    const { ledger } = await settleAccounts(ctx.deps, view, ctx.deps.clock.now());
    const entries = ledger.filter((l) => unitId === undefined || l.unitId === unitId);
    const sums = new Map<string, number>();
    for (const l of entries) sums.set(l.unitId, (sums.get(l.unitId) ?? 0) + l.points);
    // Totals in the campaign's unit order, as the 通报 lists units.
    const totals = view.data.units
      .filter((u) => sums.has(u.id))
      .map((u) => ({ unitId: u.id, unitName: u.name, points: Math.round(sums.get(u.id)! * 1e6) / 1e6 }));
    return ok({ entries: entries.map((l) => ledgerOut(l, view)), totals });
  },
};

export const ledgerReverse: Route<'ledger.reverse'> = {
  access: 'user',
  run: async (ctx, input) => {
    const { user } = ctx;
    const refused = requireRole(user, ['supervisor'], '撤销扣分');
    if (refused) return refused;
    const cur = await callerCampaign(ctx, user, input.campaignId);
    if (!cur.ok) return cur;
    const view = cur.data;
    const { store, clock } = ctx.deps;
    const ledger = await store.reviews.listLedger(view.data.campaign.id);
    const entry = ledger.find((l) => l.id === input.entryId);
    if (!entry) return fail('NOT_FOUND', `没有找到扣分记录「${input.entryId}」。`);
    if (entry.sourceKind !== 'explanation' || entry.points >= 0)
      return fail('INVALID_ARGUMENT', 'entryId：只能撤销扣分记录，撤销记录本身不能再撤销。');
    const reversal: LedgerRecord = {
      id: `reverse:${entry.id}`,
      cityId: entry.cityId,
      campaignId: entry.campaignId,
      unitId: entry.unitId,
      points: -entry.points,
      reason: input.reason,
      sourceKind: 'reversal',
      sourceId: entry.id,
      at: clock.now(),
      byId: user.id,
      requestId: input.requestId,
    };
    const { entries } = await store.reviews.appendLedger([reversal]);
    const stored = entries[0]!;
    // The id was taken: answered as the first time when it is the same request, refused otherwise.
    if (stored.byId !== user.id || stored.requestId !== input.requestId)
      return fail('CONFLICT', `「${unitNameIn(view, entry.unitId)}」的这笔扣分已经撤销过了。`);
    return ok({ entry: ledgerOut(stored, view) });
  },
};
