/**
 * 序时参考 on a chart of scores: the 比绩效 of a unit exactly on schedule — completion equal to 序时 τ on
 * every metric scores 100 × τ (DOMAIN.md "The five comparisons", performance 100 × min(c, 1.2)). A
 * reference line, not a rule: the composite also weighs speed, quality, effort and contribution.
 */
import { performanceScore } from './results';

export function scheduleReferenceScore(timeProgress: number): number {
  return performanceScore(Math.min(Math.max(timeProgress, 0), 1));
}
