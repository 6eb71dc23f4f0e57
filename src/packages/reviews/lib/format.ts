/** Figures, growth and dates as the 通报 pages say them. */
import type { Day } from '../../../../core/contract';
import { daysBetween } from '../../../../core/domain/days';
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

/** "2025-03-01" → "3月1日" (with the year when it is not `today`'s). */
export function dayText(day: Day, today: Day): string {
  const [y, m, d] = day.split('-').map(Number);
  const md = `${m}月${d}日`;
  return day.slice(0, 4) === today.slice(0, 4) ? md : `${y}年${md}`;
}

/** How far a due date is: 今天到期, 还剩 3 天, 已过 2 天. */
export function dueInText(day: Day, today: Day): string {
  const n = daysBetween(today, day);
  if (n === 0) return '今天到期';
  return n > 0 ? `还剩 ${n} 天` : `已过 ${-n} 天`;
}

/** An ISO instant as Shanghai wall time, YYYY-MM-DD HH:mm (the campaign's days are Shanghai days). */
export function instantText(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Assessment points with their sign: −1 分, +1 分. */
export const pointsText = (p: number): string =>
  `${p > 0 ? '+' : p < 0 ? '−' : ''}${fmtNumber(Math.abs(p))} 分`;
