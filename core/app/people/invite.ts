/**
 * `admin.invite`: an admin makes a single-use code for one role of their city (and, for reporters and
 * unit leaders, one unit of a campaign of the city, by default the current one) that expires after
 * `validHours`. The code is 8 characters of the alphabet the contract's InviteCode accepts, drawn by the
 * Ids port (core has no randomness). The console's `invite` task makes the first admin with the same
 * function.
 */
import { fail, ok, roleNames, type Invite, type Result, type Role } from '../../contract';
import { isoOf } from '../../domain/days';
import type { Route } from '../context';
import { cityCampaign } from '../campaigns/view';
import type { CampaignCache } from '../campaigns/view';
import type { Deps } from '../ports';

/** A–Z and 2–9 without I, O, 0 and 1: nothing to misread on a phone (core/contract InviteCode). */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 8;

const unitRoles: ReadonlySet<Role> = new Set(['reporter', 'unit_leader']);

export interface InviteRequest {
  cityId: string;
  role: Role;
  unitId?: string | undefined;
  /** The campaign whose units `unitId` is checked against (default: the city's current one). */
  campaignId?: string | undefined;
  validHours: number;
  /** A user id, or `console` for the cloud console's task. */
  createdBy: string;
}

/** Checks the role's unit against the city's campaign, then stores a new code. */
export async function issueInvite(
  deps: Deps,
  cache: CampaignCache,
  { cityId, role, unitId, campaignId, validHours, createdBy }: InviteRequest,
): Promise<Result<{ invite: Invite }>> {
  const { store, ids, clock } = deps;
  if (unitRoles.has(role)) {
    if (unitId === undefined) {
      return fail('INVALID_ARGUMENT', `${roleNames[role]}的邀请码需要指定单位（unitId）。`);
    }
    const cur = await cityCampaign(store.campaigns, cache, cityId, campaignId);
    if (!cur.ok) return cur;
    if (!cur.data.unitById.has(unitId)) {
      return fail('NOT_FOUND', `单位「${unitId}」不在竞赛「${cur.data.data.campaign.name}」中。`);
    }
  } else if (unitId !== undefined) {
    return fail('INVALID_ARGUMENT', `${roleNames[role]}不属于某个单位：请不要指定 unitId。`);
  }

  const now = clock.now();
  const invite = {
    code: ids.newCode(INVITE_LENGTH, INVITE_ALPHABET),
    cityId,
    role,
    unitId: unitId ?? null,
    createdBy,
    createdAt: now,
    expiresAt: now + validHours * 3_600_000,
    usedBy: null,
    usedAt: null,
  };
  await store.people.createInvite(invite);
  return ok({ invite: { code: invite.code, role, unitId: invite.unitId, expiresAt: isoOf(invite.expiresAt) } });
}

export const adminInvite: Route<'admin.invite'> = {
  access: 'user',
  run: async (ctx, { role, unitId, campaignId, validHours }) => {
    if (ctx.user.role !== 'admin') return fail('FORBIDDEN', '只有管理员可以生成邀请码。');
    return issueInvite(ctx.deps, ctx.state.campaigns, {
      cityId: ctx.user.cityId,
      role,
      unitId,
      campaignId,
      validHours,
      createdBy: ctx.user.id,
    });
  },
};
