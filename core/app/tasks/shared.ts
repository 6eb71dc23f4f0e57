/**
 * What the tasks area's use cases share: records as the API shows them, today in the campaign's zone,
 * finding a task of the campaign, the order problems are listed in, and the content check and post
 * writer the router hands in (they belong to the posts area, which this area does not import).
 */
import {
  fail,
  ok,
  type ActionArgs,
  type ActionOutput,
  type Day,
  type Problem,
  type ProblemEvent,
  type Result,
  type Task,
  type TaskNote,
} from '../../contract';
import { addDays, dayOf, isoOf } from '../../domain/days';
import { isOverdue } from '../../domain/problem-steps';
import type { CampaignView } from '../campaigns/view';
import type { UserCtx } from '../context';
import type { ProblemEventRecord, ProblemRecord, TaskNoteRecord, TaskRecord } from './store';

/** The posts area's rules, handed in by the router so that a note's figures are posted as any post is. */
export interface Feed {
  /** post.create's own handler: the same checks, the same transaction, the same replay by requestId. */
  post(ctx: UserCtx, args: ActionArgs<'post.create'>): Promise<Result<ActionOutput<'post.create'>>>;
  /** The content check text others will read passes: risky text is refused before anything is written. */
  screen(ctx: UserCtx, text: string): Promise<Result<{ flagged: boolean }>>;
}

/** The campaign's day at `now`. */
export const dayIn = (view: CampaignView, now: number): Day => dayOf(now, view.data.campaign.timezone);

/** A `YYYY-MM-DD` that names a real date (the contract checks the shape only: 2025-02-30 passes it). */
export const isRealDay = (day: Day): boolean => addDays(day, 0) === day;

export function taskOut(t: TaskRecord): Task {
  return {
    id: t.id,
    campaignId: t.campaignId,
    title: t.title,
    content: t.content,
    targetText: t.targetText,
    trackId: t.trackId,
    leadUnitId: t.leadUnitId,
    unitIds: [...t.unitIds],
    contactLeader: t.contactLeader,
    supervisorName: t.supervisorName,
    supervisorId: t.supervisorId,
    deadline: t.deadline,
    metricId: t.metricId,
    done: t.done,
    demo: t.demo,
  };
}

export function problemOut(p: ProblemRecord, today: Day): Problem {
  return {
    id: p.id,
    campaignId: p.campaignId,
    taskId: p.taskId,
    unitId: p.unitId,
    title: p.title,
    detail: p.detail,
    category: p.category,
    dueDate: p.dueDay,
    status: p.status,
    raisedDay: p.raisedDay,
    raisedById: p.raisedById,
    closedDay: p.closedDay,
    overdue: isOverdue(p, today),
  };
}

export const noteOut = (n: TaskNoteRecord): TaskNote => ({
  id: n.id,
  taskId: n.taskId,
  unitId: n.unitId,
  authorId: n.authorId,
  authorName: n.authorName,
  text: n.text,
  postId: n.postId,
  at: isoOf(n.createdAt),
});

export const eventOut = (e: ProblemEventRecord): ProblemEvent => ({
  at: isoOf(e.at),
  byId: e.byId,
  byName: e.byName,
  from: e.from,
  to: e.to,
  note: e.note,
});

/** The task of the campaign; NOT_FOUND for one of another campaign, or of none. */
export async function findTask(
  ctx: UserCtx,
  view: CampaignView,
  taskId: string,
): Promise<Result<TaskRecord>> {
  const task = await ctx.deps.store.tasks.getTask(view.data.campaign.id, taskId);
  return task ? ok(task) : fail('NOT_FOUND', `没有找到任务「${taskId}」。`);
}

export const unitName = (view: CampaignView, unitId: string): string =>
  view.unitById.get(unitId)?.name ?? unitId;

/**
 * Where a problem stands in a list: open ones (anything not closed off) first, the longest open first,
 * closed ones last in the same order. The same key serves as the paging cursor.
 */
export type ProblemKey = readonly [closed: 0 | 1, raisedDay: Day, createdAt: number, id: string];

export const problemKey = (p: ProblemRecord): ProblemKey => [
  p.status === 'closed' ? 1 : 0,
  p.raisedDay,
  p.createdAt,
  p.id,
];

export function compareKeys(a: ProblemKey, b: ProblemKey): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export const byListOrder = (a: ProblemRecord, b: ProblemRecord): number =>
  compareKeys(problemKey(a), problemKey(b));
