/**
 * Completion of a target (DOMAIN.md "Completion"): `up` c = A / T; `down` (a ceiling such as
 * 不良贷款率 ≤ 3.2%) c = 1 when A ≤ T, else T / A.
 * A metric the unit has not reported yet has completion 0 whatever its direction: nothing is
 * credited before a figure is entered.
 */
import type { Direction } from '../contract';

export function completion(value: number | null, target: number, direction: Direction): number {
  if (value === null || target <= 0) return 0;
  if (direction === 'up') return value / target;
  if (value <= target) return 1;
  return target / value;
}
