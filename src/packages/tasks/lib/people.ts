/**
 * Who may do what on a task, for deciding which buttons to show (the server checks again), by the rules
 * the server applies: a problem's steps from core/domain's stepsFor, raising a problem and writing a
 * progress note from its taskRefusal.
 */
import type { Task, User } from '../../../../core/contract';
import { stepsFor, taskRefusal, type Actor } from '../../../../core/domain/problem-steps';

export const actorOf = (user: User): Actor => ({ role: user.role, unitId: user.unitId });

/** One of the task's responsible units' own reporters or leader. */
export const isTaskUnitStaff = (user: User, task: Pick<Task, 'unitIds'>): boolean =>
  user.unitId !== null && taskRefusal('note', actorOf(user), task.unitIds, user.unitId) === null;

/** May raise a problem on the task: for their own unit, or (a supervisor) for one of the task's units. */
export const canRaise = (user: User, task: Pick<Task, 'unitIds'>): boolean =>
  user.role === 'supervisor'
    ? task.unitIds.length > 0
    : user.unitId !== null && taskRefusal('raise', actorOf(user), task.unitIds, user.unitId) === null;

export const canNote = (user: User, task: Pick<Task, 'unitIds'>): boolean => isTaskUnitStaff(user, task);

/** The units a problem may be put on by this user: their own unit, or (a supervisor) any of the task's. */
export function raiseUnits(user: User, task: Pick<Task, 'unitIds' | 'leadUnitId'>): string[] {
  if (isTaskUnitStaff(user, task)) return [user.unitId!];
  const rest = task.unitIds.filter((id) => id !== task.leadUnitId);
  return task.unitIds.includes(task.leadUnitId) ? [task.leadUnitId, ...rest] : task.unitIds;
}

/** The steps this user may take on a problem now: its buttons. */
export const stepsOf = (user: User, problem: { status: Parameters<typeof stepsFor>[0]; unitId: string }) =>
  stepsFor(problem.status, actorOf(user), problem.unitId);

export type ProblemStep = ReturnType<typeof stepsOf>[number];
