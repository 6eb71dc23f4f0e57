/**
 * What every action of the router's table is, for the tests that walk the whole table (the authorization
 * matrix, the input fuzzing): who may call it, and an input that is valid for a caller of a given role.
 * A new action fails those tests until it has a line here.
 */
import type { ActionName, Role } from '../../core/contract';
import type { UserRecord } from '../../core/app/ports';
import { city, campaign, rid } from '../app/arena';

/** Who may call an action with a live session: every signed-in user, some roles, or anyone at all. */
export type Allowed = 'anyone' | 'user' | readonly Role[];

/** What each action is sent in the matrix: input valid for a caller of `role` (unit 'A' for unit roles). */
export interface Line {
  allowed: Allowed;
  data: (role: Role) => Record<string, unknown>;
}

export const unitRoles: readonly Role[] = ['reporter', 'unit_leader'];
const adminOnly: readonly Role[] = ['admin'];
const campaignFile = () => ({
  campaign: { ...campaign.campaign, id: `c-${rid()}` },
  tracks: campaign.tracks.map((t) => ({
    ...t,
    metrics: campaign.metrics.filter((m) => m.trackId === t.id).map(({ trackId: _t, ...m }) => m),
  })),
  units: campaign.units,
  targets: campaign.targets,
});

/** One line per action: a new action fails the test below until it has one. */
export const policy: Record<ActionName, Line> = {
  'auth.demoUsers': { allowed: 'anyone', data: () => ({}) },
  'auth.demoLogin': { allowed: 'anyone', data: () => ({ userId: 'm-demo-reporter' }) },
  'auth.login': { allowed: 'anyone', data: () => ({ account: 'nobody', password: 'wrong-password' }) },
  'auth.join': {
    allowed: 'anyone',
    data: () => ({
      inviteCode: 'ABCDEFGH',
      name: '新人',
      account: `acct${rid().slice(-4)}`,
      password: 'secret-pass-1',
    }),
  },
  'me.bind': { allowed: 'anyone', data: () => ({ inviteCode: 'ABCDEFGH', name: '新人' }) },
  'me.get': { allowed: 'user', data: () => ({}) },
  'me.logout': { allowed: 'user', data: () => ({}) },
  'me.logoutAll': { allowed: 'user', data: () => ({}) },
  'admin.user.revokeSessions': { allowed: adminOnly, data: () => ({ userId: 'm-reporter' }) },
  'campaign.current': { allowed: 'user', data: () => ({}) },
  'campaign.list': { allowed: 'user', data: () => ({}) },
  'post.create': {
    allowed: unitRoles,
    data: () => ({
      unitId: 'A',
      figures: [{ metricId: 'm-invest', value: 3 }],
      text: '本周进展',
      requestId: rid(),
    }),
  },
  'post.list': { allowed: 'user', data: () => ({}) },
  'board.leaderboard': { allowed: 'user', data: () => ({}) },
  'unit.detail': { allowed: 'user', data: () => ({ unitId: 'A' }) },
  'unit.trend': { allowed: 'user', data: () => ({ unitId: 'A' }) },
  'admin.invite': { allowed: adminOnly, data: () => ({ role: 'reporter', unitId: 'B' }) },
  'admin.campaign.save': { allowed: adminOnly, data: () => campaignFile() },
  'admin.campaign.load': { allowed: adminOnly, data: () => ({ campaignId: campaign.campaign.id }) },
  'admin.campaign.setCurrent': { allowed: adminOnly, data: () => ({ campaignId: campaign.campaign.id }) },
  'notify.list': { allowed: 'user', data: () => ({}) },
  'notify.read': { allowed: 'user', data: () => ({ all: true }) },
  'notify.subscribe': { allowed: 'user', data: () => ({ accepted: ['tpl-no-post'] }) },
};

export const person = (role: Role, demo: boolean): UserRecord => ({
  id: `m-${demo ? 'demo-' : ''}${role}`,
  name: `${demo ? '演示' : ''}${role}`,
  role,
  cityId: city.id,
  unitId: unitRoles.includes(role) ? 'A' : null,
  demo,
});
