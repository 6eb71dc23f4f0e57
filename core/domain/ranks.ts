/**
 * Ranking (DOMAIN.md): highest score first; equal scores share a rank (1, 2, 2, 4); ties are
 * ordered by performance, then by name. Scores are compared at a micro-point resolution so that
 * float noise (0.1 + 0.2) never splits a tie. Names compare by code point: the same order on
 * every host, whatever its ICU data.
 */
export interface Rankable {
  name: string;
  score: number;
  performance: number;
}

const RESOLUTION = 1e6;
const key = (x: number): number => Math.round(x * RESOLUTION);

export function compareForRank(a: Rankable, b: Rankable): number {
  const byScore = key(b.score) - key(a.score);
  if (byScore !== 0) return byScore;
  const byPerformance = key(b.performance) - key(a.performance);
  if (byPerformance !== 0) return byPerformance;
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/** Sorted copies with their shared ranks. */
export function rankAll<T extends Rankable>(rows: readonly T[]): { row: T; rank: number }[] {
  const sorted = [...rows].sort(compareForRank);
  const out: { row: T; rank: number }[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const shares = prev !== undefined && key(prev.row.score) === key(row.score);
    out.push({ row, rank: shares ? prev.rank : i + 1 });
  });
  return out;
}
