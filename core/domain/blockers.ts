/**
 * 拆槛除障 (DOMAIN.md): what blocks private investment across the city — the problems by cause category
 * and by track, each counted as open (not yet closed off), overdue (open past its due date) and closed,
 * and the open ones oldest first.
 */
import { problemCategories, type Day, type ProblemCategory, type ProblemStatus } from '../contract';
import { isOverdue } from './problem-steps';

export interface BlockerFact {
  id: string;
  category: ProblemCategory;
  trackId: string;
  status: ProblemStatus;
  dueDay: Day;
  /** The day it was raised. */
  raisedDay: Day;
}

export interface BlockerCount {
  open: number;
  overdue: number;
  closed: number;
}

export interface Blockers<P extends BlockerFact> {
  /** Every category, in the fixed order, zeros included, so a chart keeps its axis. */
  byCategory: Array<BlockerCount & { category: ProblemCategory }>;
  /** The tracks given, in their order. */
  byTrack: Array<BlockerCount & { trackId: string }>;
  /** Open problems, the longest open first (then the earliest due, then by id). */
  oldestOpen: P[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function blockers<P extends BlockerFact>(
  problems: readonly P[],
  trackIds: readonly string[],
  day: Day,
  oldestLimit = 10,
): Blockers<P> {
  const zero = (): BlockerCount => ({ open: 0, overdue: 0, closed: 0 });
  const byCategory = new Map(problemCategories.map((c) => [c, zero()]));
  const byTrack = new Map(trackIds.map((t) => [t, zero()]));
  for (const p of problems) {
    for (const count of [byCategory.get(p.category), byTrack.get(p.trackId)]) {
      if (!count) continue;
      if (p.status === 'closed') count.closed += 1;
      else count.open += 1;
      if (isOverdue(p, day)) count.overdue += 1;
    }
  }
  const oldestOpen = problems
    .filter((p) => p.status !== 'closed')
    .sort((a, b) => cmp(a.raisedDay, b.raisedDay) || cmp(a.dueDay, b.dueDay) || cmp(a.id, b.id))
    .slice(0, oldestLimit);
  return {
    byCategory: [...byCategory].map(([category, c]) => ({ category, ...c })),
    byTrack: [...byTrack].map(([trackId, c]) => ({ trackId, ...c })),
    oldestOpen,
  };
}
