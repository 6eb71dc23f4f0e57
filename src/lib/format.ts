/** Number formatting for Chinese readers: trimmed decimals, percentages, signed points. */

export function fmtNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return '—';
  const fixed = n.toFixed(maxDecimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** 0.4234 → "42.3%". */
export const fmtPercent = (ratio: number, decimals = 1): string => `${fmtNumber(ratio * 100, decimals)}%`;

export const fmtScore = (score: number): string => score.toFixed(1);

/** A value with its measure; "%" sticks to the number, words get a thin space. */
export const withMeasure = (n: number, measure: string): string =>
  measure === '%' ? `${fmtNumber(n)}%` : `${fmtNumber(n)} ${measure}`;
