/**
 * What every sign-in answers (demo login, account login, joining, binding): a new session, and the user
 * as the API shows them, with their unit's name in their city's current campaign. The caller gets the
 * token; the store gets only its hash (Ids.hashToken), here and in every other session call of core.
 */
import type { User } from '../../contract';
import { cityCampaign } from '../campaigns/view';
import type { Ctx } from '../context';
import type { UserRecord } from './store';

/** A new session for `user`, lasting `sessionTtlMs`; answers as every sign-in does. */
export async function startSession(ctx: Ctx, user: UserRecord): Promise<{ token: string; user: User }> {
  const { store, ids, clock, settings } = ctx.deps;
  const token = ids.newToken();
  const tokenHash = ids.hashToken(token);
  await store.people.putSession({
    tokenHash,
    userId: user.id,
    expiresAt: clock.now() + settings.sessionTtlMs,
  });
  return { token, user: await describeUser(ctx, user) };
}

/** Unit names come from the city's current campaign; a unit outside it shows no name. */
export async function unitNames(ctx: Ctx, cityId: string): Promise<(unitId: string | null) => string | null> {
  const cur = await cityCampaign(ctx.deps.store.campaigns, ctx.state.campaigns, cityId);
  const units = cur.ok ? cur.data.unitById : new Map<string, { name: string }>();
  return (unitId) => (unitId === null ? null : (units.get(unitId)?.name ?? null));
}

export const userOut = (u: UserRecord, unitName: string | null): User => ({
  id: u.id,
  name: u.name,
  role: u.role,
  unitId: u.unitId,
  unitName,
});

/** A user as the API shows it, with the unit's name in the current campaign. */
export async function describeUser(ctx: Ctx, user: UserRecord): Promise<User> {
  const nameOf = await unitNames(ctx, user.cityId);
  return userOut(user, nameOf(user.unitId));
}

/** Ends every session of a user; answers how many of them had not expired yet. */
export async function endUserSessions(ctx: Ctx, userId: string): Promise<number> {
  const { store, clock } = ctx.deps;
  const now = clock.now();
  const live = (await store.people.listUserSessions(userId)).filter((s) => s.expiresAt > now).length;
  await store.people.deleteUserSessions(userId);
  return live;
}
