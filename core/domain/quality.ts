/**
 * 比质量 (DOMAIN.md): the share of a unit's problems closed by their due date, 100 when none is
 * due yet. A problem counts once its due date has passed (closing on the due day is on time) or
 * once it is closed, so closing early is credited at once.
 * Verified figures that differ from the reported ones will lower it when verification exists.
 */
import type { Day } from '../contract';
import type { ProblemFact } from './types';

export interface QualityResult {
  score: number;
  /** Problems that count today. */
  counted: number;
  /** Of those, closed by their due date. */
  onTime: number;
}

export function quality(problems: readonly ProblemFact[], day: Day): QualityResult {
  let counted = 0;
  let onTime = 0;
  for (const p of problems) {
    const closed = p.closedDay !== null && p.closedDay <= day;
    if (!closed && p.dueDay >= day) continue;
    counted += 1;
    if (closed && p.closedDay !== null && p.closedDay <= p.dueDay) onTime += 1;
  }
  return { score: counted === 0 ? 100 : (100 * onTime) / counted, counted, onTime };
}
