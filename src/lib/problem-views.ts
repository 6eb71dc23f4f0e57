/**
 * The two to-do lists of problems that 我 offers: 我的待办难题 for a unit's reporters and leader (the
 * unit's problems not yet closed off) and 待销号 for supervisors (problems resolved, waiting for 销号).
 * 我 shows their counts; the list page (tasks subpackage) pages through them.
 */
import type { ActionInput, Problem, User } from '../../core/contract';
import { call } from '../api/call';

export type ProblemView = 'mine' | 'close';

interface ViewSpec {
  title: string;
  /** What the list says when it is empty. */
  empty: string;
  /** Who is offered the list. */
  offered: (user: User) => boolean;
  query: (user: User) => ActionInput<'problem.list'>;
  /** Which listed problems belong to it. problem.list puts closed ones last, so `mine` ends at the first. */
  keeps: (p: Problem) => boolean;
}

export const problemViews: Record<ProblemView, ViewSpec> = {
  mine: {
    title: '我的待办难题',
    empty: '本单位没有待办的难题。',
    offered: (u) => (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null,
    query: (u) => ({ unitId: u.unitId ?? '' }),
    keeps: (p) => p.status !== 'closed',
  },
  close: {
    title: '待销号',
    empty: '没有等待销号的难题。责任单位标记「已解决」后，会出现在这里。',
    offered: (u) => u.role === 'supervisor',
    query: () => ({ status: 'resolved' }),
    keeps: (p) => p.status === 'resolved',
  },
};

/** The views a user is offered, in the order 我 shows them. */
export const viewsFor = (user: User): ProblemView[] =>
  (Object.keys(problemViews) as ProblemView[]).filter((v) => problemViews[v].offered(user));

export interface ProblemPage {
  items: Problem[];
  nextCursor: string | null;
}

/** One page of a view: its problems, and the cursor of the next page (null at the end). */
export async function problemPage(
  view: ProblemView,
  user: User,
  cursor: string | null,
  limit = 20,
): Promise<ProblemPage> {
  const spec = problemViews[view];
  const out = await call('problem.list', { ...spec.query(user), limit, ...(cursor ? { cursor } : {}) });
  const items = out.items.filter(spec.keeps);
  // A problem the view does not keep means the rest (closed ones, listed last) are not its either.
  return { items, nextCursor: items.length < out.items.length ? null : out.nextCursor };
}

/** How many a view holds, read from its first 50; `more` when there are further ones. */
export async function countView(
  view: ProblemView,
  user: User,
): Promise<{ count: number; overdue: number; more: boolean }> {
  const page = await problemPage(view, user, null, 50);
  return {
    count: page.items.length,
    overdue: page.items.filter((p) => p.overdue).length,
    more: page.nextCursor !== null,
  };
}
