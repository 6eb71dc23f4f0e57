/**
 * Who may do what on a task, for deciding which buttons to show (the server checks again). A problem's
 * steps come from core/domain's stepsFor, the rule the server applies; raising a problem and writing a
 * progress note belong to the task's responsible units (and raising also to a supervisor, contract
 * `problem.create`, `task.note`).
 */
import type { Task, User } from '../../../../core/contract';
import { stepsFor, type Actor } from '../../../../core/domain/problem-steps';

export const actorOf = (user: User): Actor => ({ role: user.role, unitId: user.unitId });

const unitStaff = (user: User): boolean => user.role === 'reporter' || user.role === 'unit_leader';

/** One of the task's responsible units' own reporters or leader. */
export const isTaskUnitStaff = (user: User, task: Pick<Task, 'unitIds'>): boolean =>
  unitStaff(user) && user.unitId !== null && task.unitIds.includes(user.unitId);

export const canRaise = (user: User, task: Pick<Task, 'unitIds'>): boolean =>
  user.role === 'supervisor' || isTaskUnitStaff(user, task);

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
