/**
 * The traffic light (DOMAIN.md "Light"): green 正常 p ≥ 1, yellow 预警 0.8 ≤ p < 1, red 滞后 p < 0.8,
 * done 完成 when c ≥ 1 for an `up` metric.
 * A `down` metric is a ceiling to stay under for the whole campaign, so being under it today is
 * not "done": it becomes done only on the last day (τ = 1) if it is under the ceiling then.
 */
import type { Direction, Light } from '../contract';

export const YELLOW_FROM = 0.8;

export function lightOfPace(p: number): Light {
  if (p >= 1) return 'green';
  if (p >= YELLOW_FROM) return 'yellow';
  return 'red';
}

export function metricLight(c: number, p: number, direction: Direction, tau: number): Light {
  const done = direction === 'up' ? c >= 1 : tau >= 1 && c >= 1;
  return done ? 'done' : lightOfPace(p);
}

/** A unit's light over several metrics: done when all are done, else the light of its mean pace. */
export function rowLight(lights: readonly Light[], meanPace: number): Light {
  if (lights.length > 0 && lights.every((l) => l === 'done')) return 'done';
  return lightOfPace(meanPace);
}
