/** Figures, growth and points as the 通报 pages say them (dates: src/lib/dates). */
import { fmtNumber } from '../../../lib/format';

/** A figure with its measure, or 「—」 when there is none (never reported, no target set). */
export function figureText(v: number | null, measure: string): string {
  if (v === null) return '—';
  return measure === '%' ? `${fmtNumber(v)}%` : `${fmtNumber(v)} ${measure}`.trim();
}

/** Growth as a signed percentage with an arrow (not colour alone): ↑12.5%, ↓3%, 0%. */
export function growthText(g: number | null): string {
  if (g === null) return '—';
  const pct = fmtNumber(Math.abs(g) * 100, 1);
  if (pct === '0') return '0%';
  return `${g > 0 ? '↑' : '↓'}${pct}%`;
}

/** Assessment points with their sign: −1 分, +1 分. */
export const pointsText = (p: number): string =>
  `${p > 0 ? '+' : p < 0 ? '−' : ''}${fmtNumber(Math.abs(p))} 分`;
