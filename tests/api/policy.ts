/**
 * What every action of the router's table is, for the tests that walk the whole table (the authorization
 * matrix, the input fuzzing): who may call it, and an input that is valid for a caller of a given role.
 * A new action fails those tests until it has a line here.
 */
import type { ActionName, Role } from '../../core/contract';
import type { Store, UserRecord } from '../../core/app/ports';
import type { ProblemRecord } from '../../core/app/tasks/store';
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

/**
 * The task and problems the lines below name, written straight to the store before the matrix runs: each
 * role allowed a step has a problem of its own in the state that step leaves from, so every allowed cell
 * can succeed whatever order the cells run in. Unit A (the unit roles' unit) is responsible for the task.
 */
export const TASK_ID = 'm-task';
const stepOf: Partial<Record<Role, { problemId: string; to: string; note: string }>> = {
  reporter: { problemId: 'm-problem-reporter', to: 'in_progress', note: '' },
  unit_leader: { problemId: 'm-problem-unit-leader', to: 'in_progress', note: '' },
  supervisor: { problemId: 'm-problem-resolved', to: 'closed', note: '同意销号' },
};
/** A step the unit takes, on a problem no allowed cell moves: FORBIDDEN for the other roles. */
const untouched = { problemId: 'm-problem-untouched', to: 'in_progress', note: '' };

/** The closed month the review lines name, and the review records seeded for them. */
const PERIOD = '2025-09';
const INTERVIEW_ID = `${campaign.campaign.id}:${PERIOD}:A`;
const EXPLANATION_A = `${campaign.campaign.id}:A:m-invest`;
const EXPLANATION_B = `${campaign.campaign.id}:B:m-invest`;

/**
 * September's 通报 as another supervisor published it (flagging unit A, with none of the table: the
 * supervisor's publish is a corrected version), its interview, an explanation request of unit A and a
 * submitted one of unit B with its deduction. 完成投资 is reviewed and A has a September target its
 * figures (none) miss, so the corrected version flags A too and A's 约谈 stays scheduled for the
 * interview.record cells, whichever runs first.
 */
async function seedReviewFixtures(store: Store, at: number): Promise<void> {
  const cid = campaign.campaign.id;
  await store.campaigns.saveCampaign({
    ...campaign,
    metrics: campaign.metrics.map((m) => (m.id === 'm-invest' ? { ...m, reviewed: true } : m)),
    targets: campaign.targets.map((t) =>
      t.unitId === 'A' && t.metricId === 'm-invest'
        ? { ...t, monthly: [{ period: PERIOD, target: 1, lastYear: 1 }] }
        : t,
    ),
  });
  const flagged = [{ unitId: 'A', unitName: '甲镇', division: '乡镇街道', level: 1 as const, metricIds: ['m-invest'] }];
  await store.reviews.publishReview({
    id: `${cid}:${PERIOD}:v1`,
    cityId: city.id,
    campaignId: cid,
    period: PERIOD,
    version: 1,
    note: '',
    publishedAt: at,
    publishedById: 'm-other-supervisor',
    publishedByName: '钱督办',
    changes: [],
    flagged,
    requestId: 'seed-review',
    metrics: [],
    divisions: [],
    excluded: [],
  });
  await store.reviews.syncInterviews(cid, PERIOD, [
    {
      id: INTERVIEW_ID,
      cityId: city.id,
      campaignId: cid,
      period: PERIOD,
      unitId: 'A',
      level: 1,
      attendees: ['deputy'],
      reviewVersion: 1,
      dueDay: '2025-10-19',
      status: 'scheduled',
      heldDay: null,
      note: '',
      recordedById: null,
      recordedByName: null,
      requestId: null,
      createdAt: at,
      updatedAt: at,
    },
  ]);
  const explanation = (id: string, unitId: string, submitted: boolean) => ({
    id,
    cityId: city.id,
    campaignId: cid,
    unitId,
    metricId: 'm-invest',
    target: 10,
    value: 6,
    dueDay: '2025-12-31',
    status: submitted ? ('submitted' as const) : ('requested' as const),
    text: submitted ? '项目延期' : '',
    photos: [],
    submittedAt: submitted ? at : null,
    submittedById: submitted ? 'm-unit_leader' : null,
    submittedByName: submitted ? 'unit_leader' : null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    returnReason: null,
    submissions: submitted ? 1 : 0,
    createdAt: at,
    updatedAt: at,
  });
  await store.reviews.addExplanations([explanation(EXPLANATION_A, 'A', false), explanation(EXPLANATION_B, 'B', true)]);
  await store.reviews.appendLedger([
    {
      id: `deduct:${EXPLANATION_B}`,
      cityId: city.id,
      campaignId: cid,
      unitId: 'B',
      points: -1,
      reason: '「完成投资」未完成目标',
      sourceKind: 'explanation',
      sourceId: EXPLANATION_B,
      at,
      byId: 'system',
      requestId: null,
    },
  ]);
}

/** The post the reaction lines name, written by seedPolicyFixtures. */
let policyPostId: string | null = null;
const policyPost = (): string => {
  if (policyPostId === null) throw new Error('seedPolicyFixtures has not run');
  return policyPostId;
};

export async function seedPolicyFixtures(store: Store): Promise<void> {
  const at = Date.parse('2025-10-09T02:00:00Z');
  const posted = await store.posts.commitPost(
    {
      campaignId: campaign.campaign.id,
      unitId: 'A',
      authorId: 'm-reporter',
      authorName: 'reporter',
      createdAt: '2025-10-09T02:00:00.000Z',
      day: '2025-10-09',
      figures: [],
      text: '项目集中开工',
      photos: [],
      correctionReason: null,
      requestId: 'm-policy-post',
    },
    () => ({ ok: true, figures: [] }),
  );
  if (!posted.ok) throw new Error(`policy post refused: ${posted.error.message}`);
  policyPostId = posted.post.id;
  await seedReviewFixtures(store, at);
  await store.tasks.saveTask({
    id: TASK_ID,
    cityId: city.id,
    campaignId: campaign.campaign.id,
    title: '重大项目开工',
    content: '',
    targetText: '',
    trackId: 't-build',
    leadUnitId: 'A',
    unitIds: ['A', 'B'],
    contactLeader: '',
    supervisorName: '',
    supervisorId: null,
    deadline: '2025-11-30',
    metricId: null,
    done: false,
    demo: false,
    updatedAt: at,
  });
  const problems: Array<[string, ProblemRecord['status']]> = [
    ['m-problem-reporter', 'open'],
    ['m-problem-unit-leader', 'open'],
    ['m-problem-resolved', 'resolved'],
    [untouched.problemId, 'open'],
  ];
  for (const [id, status] of problems) {
    const problem: ProblemRecord = {
      id,
      cityId: city.id,
      campaignId: campaign.campaign.id,
      taskId: TASK_ID,
      trackId: 't-build',
      unitId: 'A',
      title: '用地指标未落实',
      detail: '',
      category: 'land',
      dueDay: '2025-10-20',
      status,
      raisedDay: '2025-10-09',
      raisedById: 'm-supervisor',
      closedDay: null,
      createdAt: at,
      updatedAt: at,
      demo: false,
    };
    await store.tasks.createProblem(problem, {
      problemId: id,
      at,
      byId: 'm-supervisor',
      byName: 'supervisor',
      from: null,
      to: status,
      note: '',
      requestId: `raise-${id}`,
    });
  }
}

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
  'task.list': { allowed: 'user', data: () => ({}) },
  'task.get': { allowed: 'user', data: () => ({ taskId: TASK_ID }) },
  'task.save': {
    allowed: ['admin', 'supervisor'],
    data: () => ({
      task: { title: '新任务', trackId: 't-build', leadUnitId: 'A', unitIds: ['B'], deadline: '2025-11-30' },
    }),
  },
  'task.note': { allowed: unitRoles, data: () => ({ taskId: TASK_ID, text: '本周进展', requestId: rid() }) },
  'problem.create': {
    allowed: [...unitRoles, 'supervisor'],
    data: () => ({
      taskId: TASK_ID,
      title: '审批进度慢',
      category: 'approval',
      unitId: 'A',
      dueDate: '2025-10-20',
      requestId: rid(),
    }),
  },
  'problem.transition': {
    allowed: [...unitRoles, 'supervisor'],
    // A fixed requestId per role: the cell sent again is a replay, answered as the first.
    data: (role) => ({ ...(stepOf[role] ?? untouched), requestId: `m-step-${role}` }),
  },
  'problem.list': { allowed: 'user', data: () => ({}) },
  'problem.history': { allowed: 'user', data: () => ({ problemId: untouched.problemId }) },
  'board.blockers': { allowed: 'user', data: () => ({}) },
  'admin.invite': { allowed: adminOnly, data: () => ({ role: 'reporter', unitId: 'B' }) },
  'admin.campaign.save': { allowed: adminOnly, data: () => campaignFile() },
  'admin.campaign.load': { allowed: adminOnly, data: () => ({ campaignId: campaign.campaign.id }) },
  'admin.campaign.setCurrent': { allowed: adminOnly, data: () => ({ campaignId: campaign.campaign.id }) },
  'post.react': { allowed: 'user', data: () => ({ postId: policyPost(), on: true }) },
  'post.comment': { allowed: 'user', data: () => ({ postId: policyPost(), text: '学习了，很有启发', requestId: rid() }) },
  'post.comments': { allowed: 'user', data: () => ({ postId: policyPost() }) },
  'post.exemplar': {
    allowed: ['supervisor', 'leader'],
    data: () => ({ postId: policyPost(), on: true, reason: '项目推进的做法值得推广' }),
  },
  'learn.list': { allowed: 'user', data: () => ({}) },
  'review.draft': { allowed: ['supervisor'], data: () => ({ period: PERIOD }) },
  // A fixed requestId: the first cell publishes the next version, a cell sent again is a replay.
  'review.publish': { allowed: ['supervisor'], data: () => ({ period: PERIOD, note: '请对照整改', requestId: 'm-publish' }) },
  'review.get': { allowed: 'user', data: () => ({ period: PERIOD }) },
  'review.list': { allowed: 'user', data: () => ({}) },
  'review.export': { allowed: 'user', data: () => ({ period: PERIOD }) },
  'interview.list': { allowed: 'user', data: () => ({}) },
  'interview.record': {
    allowed: ['supervisor'],
    data: () => ({ interviewId: INTERVIEW_ID, heldAt: '2025-10-09', note: '已约谈', requestId: 'm-interview-held' }),
  },
  'explanation.list': { allowed: 'user', data: () => ({}) },
  'explanation.submit': {
    allowed: ['unit_leader'],
    data: () => ({ explanationId: EXPLANATION_A, text: '受用地报批影响', requestId: 'm-explain' }),
  },
  'explanation.decide': {
    allowed: ['supervisor'],
    data: () => ({ explanationId: EXPLANATION_B, decision: 'accept', requestId: 'm-decide' }),
  },
  'ledger.list': { allowed: 'user', data: () => ({}) },
  'ledger.reverse': {
    allowed: ['supervisor'],
    data: () => ({ entryId: `deduct:${EXPLANATION_B}`, reason: '经核实属不可抗力', requestId: 'm-reverse' }),
  },
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
