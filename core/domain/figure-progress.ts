/**
 * One figure against its target on one day: completion, the completion 序时 expects, pace and the
 * light (DOMAIN.md "Completion", "Pace", "Light"). The standings and the app's progress cards both
 * call this, so a card never draws a light the board would not.
 */
import type { Light } from '../contract';
import { completion } from './completion';
import { metricLight } from './light';
import { expectedCompletion, pace, type PaceRule } from './pace';

export { pacedByTime, type PaceRule } from './pace';

export interface FigureProgress {
  completion: number;
  /** Completion expected by τ: τ for a paced metric, else 1 (0 before the start). */
  expected: number;
  pace: number;
  light: Light;
}

export function figureProgress(metric: PaceRule, value: number | null, target: number, tau: number): FigureProgress {
  const c = completion(value, target, metric.direction);
  const expected = expectedCompletion(metric, tau);
  const p = pace(c, expected);
  return { completion: c, expected, pace: p, light: metricLight(c, p, metric.direction, tau) };
}

/** The value 序时 expects by τ, in the metric's own measure. */
export const expectedValue = (metric: PaceRule, target: number, tau: number): number =>
  target * expectedCompletion(metric, tau);
