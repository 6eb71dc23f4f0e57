/**
 * 比绩效 and 比速度 for one metric (DOMAIN.md "The five comparisons"): performance
 * 100 × min(c, 1.2), speed 100 × min(p, 1.5). Caps stop one runaway metric from hiding the rest.
 */
export const PERFORMANCE_CAP = 1.2;
export const SPEED_CAP = 1.5;

export function performanceScore(c: number): number {
  return 100 * Math.min(Math.max(c, 0), PERFORMANCE_CAP);
}

export function speedScore(p: number): number {
  return 100 * Math.min(Math.max(p, 0), SPEED_CAP);
}
