/**
 * The composite score (DOMAIN.md): the weighted mean of the five dimensions with the campaign's
 * weights. Weights need not add up to 100; if all are 0 the plain mean is used.
 */
import { dimensions, type Dims, type Weights } from '../contract';

export function compositeScore(dims: Dims, weights: Weights): number {
  let sum = 0;
  let weight = 0;
  for (const d of dimensions) {
    sum += weights[d] * dims[d];
    weight += weights[d];
  }
  if (weight <= 0) return dimensions.reduce((s, d) => s + dims[d], 0) / dimensions.length;
  return sum / weight;
}

/** Mean of a list; `fallback` when it is empty. */
export function mean(values: readonly number[], fallback: number): number {
  if (values.length === 0) return fallback;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
