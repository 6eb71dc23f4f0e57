/**
 * The tasks slice of the Store: a campaign's 挂图作战 tasks, their progress notes, and the problems (难题)
 * raised against them with every step of each problem's lifecycle. Writes a phone may send twice carry a
 * requestId: the same (user, requestId) again changes nothing and answers what the first one did. Every
 * write that can change a unit's quality (a problem raised or stepped) also bumps the campaign's data
 * version, as a post does, so standings computed before it are not served after it.
 */
import type { Day, ProblemCategory, ProblemStatus } from '../../contract';

export interface TaskRecord {
  id: string;
  cityId: string;
  campaignId: string;
  title: string;
  content: string;
  targetText: string;
  trackId: string;
  leadUnitId: string;
  /** Every responsible unit, the lead unit first. */
  unitIds: string[];
  contactLeader: string;
  supervisorName: string;
  supervisorId: string | null;
  deadline: Day;
  metricId: string | null;
  done: boolean;
  /** Seeded demo data. */
  demo: boolean;
  /** Milliseconds since the epoch of the last save. */
  updatedAt: number;
}

export interface TaskNoteRecord {
  id: string;
  cityId: string;
  campaignId: string;
  taskId: string;
  unitId: string;
  authorId: string;
  authorName: string;
  text: string;
  postId: string | null;
  createdAt: number;
  requestId: string;
}

export interface ProblemRecord {
  id: string;
  cityId: string;
  campaignId: string;
  taskId: string;
  /** The task's track, kept with the problem for 拆槛除障 by track. */
  trackId: string;
  unitId: string;
  title: string;
  detail: string;
  category: ProblemCategory;
  dueDay: Day;
  status: ProblemStatus;
  raisedDay: Day;
  raisedById: string;
  /** The day of the step to `closed`; null while not closed. */
  closedDay: Day | null;
  createdAt: number;
  /** Milliseconds since the epoch of the last step. */
  updatedAt: number;
  demo: boolean;
}

export interface ProblemEventRecord {
  problemId: string;
  /** Milliseconds since the epoch. */
  at: number;
  byId: string;
  byName: string;
  /** null for raising the problem. */
  from: ProblemStatus | null;
  to: ProblemStatus;
  note: string;
  requestId: string;
}

/**
 * What a step makes of the problem as it is inside the write: the problem after the step and its event,
 * or a refusal that writes nothing. Run by the store inside its transaction, on the current problem.
 */
export type DecideStep = (
  current: ProblemRecord,
) =>
  | { ok: true; problem: ProblemRecord; event: ProblemEventRecord }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT'; message: string };

export type StepResult =
  | { ok: true; problem: ProblemRecord; replayed: boolean }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT' | 'NOT_FOUND'; message: string };

export interface TaskStore {
  /** Inserts or replaces the task with this (campaignId, id). */
  saveTask(task: TaskRecord): Promise<void>;
  getTask(campaignId: string, taskId: string): Promise<TaskRecord | null>;
  /** Every task of the campaign, by deadline then id. */
  listTasks(campaignId: string): Promise<TaskRecord[]>;

  /**
   * Adds a note unless the author already added one with this requestId; answers the stored note either
   * way (`replayed` true for the earlier one).
   */
  addTaskNote(note: TaskNoteRecord): Promise<{ note: TaskNoteRecord; replayed: boolean }>;
  /** The task's notes, newest first. */
  listTaskNotes(campaignId: string, taskId: string): Promise<TaskNoteRecord[]>;

  /**
   * Raises a problem with its first event (from null to `open`), in one write, unless the raiser already
   * raised one with this requestId (then the stored problem, `replayed` true). Bumps the data version.
   */
  createProblem(
    problem: ProblemRecord,
    event: ProblemEventRecord,
  ): Promise<{ problem: ProblemRecord; replayed: boolean }>;
  /**
   * One lifecycle step, atomically: reads the problem, runs `decide` on it, writes the problem and the event
   * and bumps the data version — unless `byId` already took a step with this requestId on it, which answers
   * the problem as it is now, `replayed` true, without deciding. A missing problem is NOT_FOUND; a refusal
   * of `decide` writes nothing. Two steps at once on one problem: the second decides on the first's result.
   */
  stepProblem(
    campaignId: string,
    problemId: string,
    by: { byId: string; requestId: string },
    decide: DecideStep,
  ): Promise<StepResult>;
  getProblem(campaignId: string, problemId: string): Promise<ProblemRecord | null>;
  /** Every problem of the campaign (a campaign has hundreds at most), by raisedDay, then createdAt, then id. */
  listProblems(campaignId: string): Promise<ProblemRecord[]>;
  /** The problem's events, oldest first. */
  problemHistory(campaignId: string, problemId: string): Promise<ProblemEventRecord[]>;
}
