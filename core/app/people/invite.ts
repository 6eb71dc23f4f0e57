/**
 * `admin.invite`: an admin makes a single-use code for one role (and, for reporters and unit leaders,
 * one unit of the current campaign) that expires after `validHours`. The code is 8 characters of the
 * alphabet the contract's InviteCode accepts, drawn by the Ids port (core has no randomness).
 */
import { fail, ok, roleNames, type Role } from '../../contract';
import { isoOf } from '../../domain/days';
import type { Route } from '../context';
import { currentCampaign } from '../campaigns/view';

/** A–Z and 2–9 without I, O, 0 and 1: nothing to misread on a phone (core/contract InviteCode). */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 8;

const unitRoles: ReadonlySet<Role> = new Set(['reporter', 'unit_leader']);

export const adminInvite: Route<'admin.invite'> = {
  access: 'user',
  run: async (ctx, { role, unitId, validHours }) => {
    const { store, ids, clock } = ctx.deps;
    if (ctx.user.role !== 'admin') return fail('FORBIDDEN', '只有管理员可以生成邀请码。');
    if (unitRoles.has(role)) {
      if (unitId === undefined) {
        return fail('INVALID_ARGUMENT', `${roleNames[role]}的邀请码需要指定单位（unitId）。`);
      }
      const cur = await currentCampaign(store.campaigns, ctx.state.campaigns);
      if (!cur.ok) return cur;
      if (!cur.data.unitById.has(unitId)) return fail('NOT_FOUND', `单位「${unitId}」不在当前竞赛中。`);
    } else if (unitId !== undefined) {
      return fail('INVALID_ARGUMENT', `${roleNames[role]}不属于某个单位：请不要指定 unitId。`);
    }

    const now = clock.now();
    const invite = {
      code: ids.newCode(INVITE_LENGTH, INVITE_ALPHABET),
      role,
      unitId: unitId ?? null,
      createdBy: ctx.user.id,
      createdAt: now,
      expiresAt: now + validHours * 3_600_000,
      usedBy: null,
      usedAt: null,
    };
    await store.people.createInvite(invite);
    return ok({ invite: { code: invite.code, role, unitId: invite.unitId, expiresAt: isoOf(invite.expiresAt) } });
  },
};
