/**
 * Running totals only grow (DOMAIN.md "Post": the history of every figure is kept): a `cumulative` or
 * `count` figure below the unit's latest value is a correction and must say why. The editor asks for
 * the reason exactly when the server's `decideFigures` would refuse without one.
 */
import type { MetricKind } from '../contract';
import { isRunningTotal } from './pace';

export function lowersRunningTotal(kind: MetricKind, previous: number | null, value: number): boolean {
  return isRunningTotal(kind) && previous !== null && value < previous;
}
