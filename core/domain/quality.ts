/**
 * 比质量 (DOMAIN.md, issue 12): the share of a unit's problems that are due by now and were closed by
 * their due date; 100 when none is due yet. A problem is due by now once its due date has passed —
 * closing on the due day itself is on time, so a problem due today is not judged until tomorrow — and it
 * is judged then, closed early or not: a problem closed before its due date counts only once that date
 * has passed, so raising and closing easy problems cannot make up for one left overdue. A problem closed
 * late counts as missed, for good.
 * Verified figures that differ from the reported ones will lower it when verification exists.
 */
import type { Day } from '../contract';
import type { ProblemFact } from './types';

export interface QualityResult {
  score: number;
  /** Problems due by `day` (their due date before it). */
  counted: number;
  /** Of those, closed by their due date. */
  onTime: number;
}

export function quality(problems: readonly ProblemFact[], day: Day): QualityResult {
  let counted = 0;
  let onTime = 0;
  for (const p of problems) {
    if (p.dueDay >= day) continue;
    counted += 1;
    // closedDay ≤ dueDay < day: closed by then, so a later close never rewrites an earlier day.
    if (p.closedDay !== null && p.closedDay <= p.dueDay) onTime += 1;
  }
  return { score: counted === 0 ? 100 : (100 * onTime) / counted, counted, onTime };
}
