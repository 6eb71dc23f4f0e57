/**
 * 难题销号 (DOMAIN.md "Problem"): a problem raised against a task goes open → in_progress → resolved (the
 * responsible unit says so, with a note) → closed (销号, by a supervisor, with a note), or resolved →
 * reopened (by a supervisor, with a reason) → in_progress → … No step can be skipped, and each step
 * belongs to one side: the responsible unit's own staff, or a supervisor.
 */
import { problemStatusNames, type Day, type ProblemStatus, type Role } from '../contract';

/** Who takes a step: the problem's responsible unit (its reporters and leader), or a supervisor. */
type Side = 'unit' | 'supervisor';

interface Step {
  from: ProblemStatus;
  to: ProblemStatus;
  by: Side;
  /** What the step is called on its button. */
  verb: string;
  /** The note the step must carry, named as the form asks for it; null when a note is optional. */
  note: string | null;
}

const steps: readonly Step[] = [
  { from: 'open', to: 'in_progress', by: 'unit', verb: '开始处理', note: null },
  { from: 'in_progress', to: 'resolved', by: 'unit', verb: '已解决', note: '解决情况' },
  { from: 'resolved', to: 'closed', by: 'supervisor', verb: '销号', note: '销号意见' },
  { from: 'resolved', to: 'reopened', by: 'supervisor', verb: '重新打开', note: '重新打开的原因' },
  { from: 'reopened', to: 'in_progress', by: 'unit', verb: '开始处理', note: null },
];

export interface Actor {
  role: Role;
  unitId: string | null;
}

/** A unit's own staff: its reporters and its leader. */
export const isUnitStaff = (role: Role): boolean => role === 'reporter' || role === 'unit_leader';

const sideOf = (actor: Actor, problemUnitId: string): Side | null => {
  if (actor.role === 'supervisor') return 'supervisor';
  if (isUnitStaff(actor.role) && actor.unitId === problemUnitId) return 'unit';
  return null;
};

/**
 * Why `actor` may not act for `unitId` on a task of `taskUnitIds` (null: they may). Raising a problem
 * (`raise`) belongs to the task's responsible units, each for itself, and to a supervisor for any of the
 * task's units; a progress note (`note`) to the responsible units alone, each for itself.
 */
export type TaskRefusal = 'role' | 'no_unit' | 'other_unit' | 'not_task_unit';

export function taskRefusal(
  what: 'raise' | 'note',
  actor: Actor,
  taskUnitIds: readonly string[],
  unitId: string,
): TaskRefusal | null {
  if (what === 'raise' && actor.role === 'supervisor')
    return taskUnitIds.includes(unitId) ? null : 'not_task_unit';
  if (!isUnitStaff(actor.role)) return 'role';
  if (actor.unitId === null) return 'no_unit';
  if (actor.unitId !== unitId) return 'other_unit';
  return taskUnitIds.includes(unitId) ? null : 'not_task_unit';
}

/** The steps a problem in `status` can take next, whoever takes them. */
export const nextSteps = (status: ProblemStatus): readonly Step[] => steps.filter((s) => s.from === status);

/** The steps `actor` may take now on a problem of `problemUnitId` in `status` (the buttons to show). */
export const stepsFor = (status: ProblemStatus, actor: Actor, problemUnitId: string): readonly Step[] =>
  nextSteps(status).filter((s) => s.by === sideOf(actor, problemUnitId));

export type StepCheck =
  | { ok: true; step: Step }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT'; message: string };

/**
 * Whether `actor` may move a problem of `problemUnitId` from `from` to `to` with `note`. A step the
 * lifecycle does not have is CONFLICT and names the steps it does have; the wrong side is FORBIDDEN; a
 * missing note the step needs is INVALID_ARGUMENT.
 */
export function checkStep(
  from: ProblemStatus,
  to: ProblemStatus,
  actor: Actor,
  problemUnitId: string,
  note: string,
): StepCheck {
  const step = steps.find((s) => s.from === from && s.to === to);
  if (!step) {
    const next = nextSteps(from).map((s) => `「${s.verb}」（改为${problemStatusNames[s.to]}）`);
    return {
      ok: false,
      code: 'CONFLICT',
      message:
        next.length === 0
          ? `难题${problemStatusNames[from]}，不能再改为「${problemStatusNames[to]}」。`
          : `难题现在是「${problemStatusNames[from]}」，不能直接改为「${problemStatusNames[to]}」；下一步只能是${next.join('或')}。`,
    };
  }
  if (sideOf(actor, problemUnitId) !== step.by)
    return {
      ok: false,
      code: 'FORBIDDEN',
      message:
        step.by === 'supervisor'
          ? `只有督办员可以「${step.verb}」。`
          : `只有该难题责任单位的填报员或负责人可以「${step.verb}」。`,
    };
  if (step.note !== null && note.trim() === '')
    return { ok: false, code: 'INVALID_ARGUMENT', message: `请填写${step.note}。` };
  return { ok: true, step };
}

/** A problem is overdue on `day` when it is not closed and its due date has passed. */
export const isOverdue = (p: { status: ProblemStatus; dueDay: Day }, day: Day): boolean =>
  p.status !== 'closed' && p.dueDay < day;
