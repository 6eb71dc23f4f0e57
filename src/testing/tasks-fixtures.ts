/** A task with problems in every state, for the ui tests of the tasks subpackage (units of fixtures.ts). */
import type { ActionOutput, Problem, TaskItem, User } from '../../core/contract';

export const TODAY = '2025-02-10';

export const users = {
  reporter: { id: 'r1', name: '王芳', role: 'reporter', unitId: 'u1', unitName: '东城街道' },
  leader_u1: { id: 'l1', name: '张伟', role: 'unit_leader', unitId: 'u1', unitName: '东城街道' },
  otherReporter: { id: 'r2', name: '李娜', role: 'reporter', unitId: 'u2', unitName: '西城街道' },
  supervisor: { id: 's1', name: '赵敏', role: 'supervisor', unitId: null, unitName: null },
  cityLeader: { id: 'm1', name: '孙市长', role: 'leader', unitId: null, unitName: null },
} satisfies Record<string, User>;

export function makeTask(over: Partial<TaskItem> = {}): TaskItem {
  return {
    id: 'task-1',
    campaignId: 'c1',
    title: '东城智造园一期开工',
    content: '完成土地摘牌、施工许可，3 月底前开工。',
    targetText: '一季度完成投资 2 亿元',
    trackId: 't1',
    leadUnitId: 'u1',
    unitIds: ['u1'],
    contactLeader: '陈副市长',
    supervisorName: '赵敏',
    supervisorId: 's1',
    deadline: '2025-03-31',
    metricId: 'm-invest',
    done: false,
    demo: true,
    light: 'yellow',
    openProblems: 3,
    overdueProblems: 1,
    ...over,
  };
}

export function makeProblem(over: Partial<Problem> = {}): Problem {
  return {
    id: 'p-open',
    campaignId: 'c1',
    taskId: 'task-1',
    unitId: 'u1',
    title: '用地指标未落实',
    detail: '还差 30 亩指标。',
    category: 'land',
    dueDate: '2025-02-20',
    status: 'open',
    raisedDay: '2025-01-20',
    raisedById: 'r1',
    closedDay: null,
    overdue: false,
    ...over,
  };
}

export const problems: Problem[] = [
  makeProblem(),
  makeProblem({
    id: 'p-doing',
    title: '施工许可待批',
    category: 'approval',
    status: 'in_progress',
    dueDate: '2025-02-05',
    overdue: true,
  }),
  makeProblem({ id: 'p-resolved', title: '电力增容', category: 'energy', status: 'resolved' }),
  makeProblem({
    id: 'p-closed',
    title: '融资担保',
    category: 'funding',
    status: 'closed',
    closedDay: '2025-02-01',
  }),
];

export const taskDetail: ActionOutput<'task.get'> = {
  task: makeTask(),
  problems,
  notes: [
    {
      id: 'n1',
      taskId: 'task-1',
      unitId: 'u1',
      authorId: 'r1',
      authorName: '王芳',
      text: '土地已摘牌，施工图审查中。',
      postId: null,
      at: '2025-02-08T02:00:00.000Z',
    },
  ],
};
