/**
 * The test arena with 挂图作战 helpers, for the tasks area's tests: a session for every test user, a task
 * saved through task.save, problems raised and stepped through the API. Today is 2025-10-10 (10:00 in
 * Shanghai) unless a test moves the clock.
 */
import type { ActionInput, Problem, ProblemStatus, Result } from '../../core/contract';
import type { Store } from '../../core/app/ports';
import { memoryStore } from './memory-store';
import { rid, testArena, users, type TestArenaOptions } from './arena';

export type Who = keyof typeof users;

/** A task of 百日攻坚 that units A and B answer for, A leading, 赵督办 supervising, due 11-30. */
export const baseTask: ActionInput<'task.save'>['task'] = {
  title: '重大项目开工',
  content: '15 个重大项目年内全部开工',
  targetText: '开工率 100%',
  trackId: 't-build',
  leadUnitId: 'A',
  unitIds: ['A', 'B'],
  contactLeader: '孙市长',
  supervisorName: '赵督办',
  supervisorId: users.supervisor.id,
  deadline: '2025-11-30',
};

/** Shanghai 10:00 on `day`, as an ISO instant for setNow. */
export const at10 = (day: string): string => `${day}T02:00:00Z`;

export async function taskArena(options: TestArenaOptions & { store?: Store } = {}) {
  const t = await testArena(options.store ?? memoryStore(), options);
  const tok = {} as Record<Who, string>;
  for (const who of Object.keys(users) as Who[]) tok[who] = await t.login(users[who]);

  const saveTask = async (over: Partial<ActionInput<'task.save'>['task']> = {}, as: Who = 'admin') =>
    (await t.expectOk('task.save', { task: { ...baseTask, ...over } }, tok[as])).task;

  const raiseInput = (taskId: string, over: Partial<ActionInput<'problem.create'>> = {}) => ({
    taskId,
    title: '用地指标未落实',
    detail: '项目用地报批卡在指标上',
    category: 'land' as const,
    unitId: 'A',
    dueDate: '2025-10-20',
    requestId: rid(),
    ...over,
  });
  const raise = async (taskId: string, over: Partial<ActionInput<'problem.create'>> = {}, as: Who = 'repA') =>
    (await t.expectOk('problem.create', raiseInput(taskId, over), tok[as])).problem;

  /** One step as `as`; the raw answer. */
  const step = (
    problemId: string,
    to: ProblemStatus,
    as: Who,
    note = '',
    requestId = rid(),
  ): Promise<Result<unknown>> => t.call('problem.transition', { problemId, to, note, requestId }, tok[as]);
  /** One step that must pass; the problem after it. */
  const stepOk = async (problemId: string, to: ProblemStatus, as: Who, note = '说明'): Promise<Problem> =>
    (await t.expectOk('problem.transition', { problemId, to, note, requestId: rid() }, tok[as])).problem;
  /** open → in_progress → resolved by the unit, → closed by the supervisor. */
  const closeOff = async (problemId: string, unit: Who = 'repA') => {
    await stepOk(problemId, 'in_progress', unit);
    await stepOk(problemId, 'resolved', unit, '已解决');
    return stepOk(problemId, 'closed', 'supervisor', '同意销号');
  };
  const history = async (problemId: string) =>
    (await t.expectOk('problem.history', { problemId }, tok.leader)).events;

  return { ...t, tok, saveTask, raiseInput, raise, step, stepOk, closeOff, history };
}

export const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);
export const messageOf = (r: Result<unknown>): string => (r.ok ? '' : r.error.message);
