/**
 * Ranking (DOMAIN.md "Composite score" and "Settled details"): highest score first; equal scores share
 * a rank (1, 2, 2, 4); ties are listed by performance, then by the unit's place in the campaign's unit
 * list — the official order an admin imports, as in government documents, never by character code.
 * Scores are compared at a micro-point resolution so that float noise (0.1 + 0.2) never splits a tie.
 */
export interface Rankable {
  /** The unit's place in the campaign's unit list (0 first). */
  order: number;
  score: number;
  performance: number;
}

const RESOLUTION = 1e6;
const key = (x: number): number => Math.round(x * RESOLUTION);

/** Whether two scores are the same score (they then share a rank). */
export const sameScore = (a: number, b: number): boolean => key(a) === key(b);

export function compareForRank(a: Rankable, b: Rankable): number {
  const byScore = key(b.score) - key(a.score);
  if (byScore !== 0) return byScore;
  const byPerformance = key(b.performance) - key(a.performance);
  if (byPerformance !== 0) return byPerformance;
  return a.order - b.order;
}

/** Sorted copies with their shared ranks. */
export function rankAll<T extends Rankable>(rows: readonly T[]): { row: T; rank: number }[] {
  const sorted = [...rows].sort(compareForRank);
  const out: { row: T; rank: number }[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const shares = prev !== undefined && sameScore(prev.row.score, row.score);
    out.push({ row, rank: shares ? prev.rank : i + 1 });
  });
  return out;
}
