/**
 * The middle of a division (the unit page's radar, DOMAIN.md "The five comparisons"): the median of each
 * of the five dimensions over the division's rows, each dimension on its own — so the "median unit" need
 * not be any one unit. An even count averages the middle two.
 */
import { dimensions, type Dims } from '../contract';

/** The median of a list; null when it is empty. Values that are not finite numbers are left out. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each dimension's median over the rows; null when there are no rows. */
export function medianDims(rows: readonly { dims: Dims }[]): Dims | null {
  if (rows.length === 0) return null;
  const out = {} as Dims;
  for (const d of dimensions) out[d] = median(rows.map((r) => r.dims[d])) ?? 0;
  return out;
}
