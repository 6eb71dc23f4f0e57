/**
 * Dates as the task and review pages say them: a day, how far a due date is, an instant in Shanghai wall
 * time (the campaign's days are Shanghai days, DOMAIN.md).
 */
import type { Day } from '../../core/contract';
import { daysBetween } from '../../core/domain/days';

/** "2025-03-01" → "3月1日" (with the year when it is not `today`'s). */
export function dayText(day: Day, today: Day): string {
  const [y, m, d] = day.split('-').map(Number);
  const md = `${m}月${d}日`;
  return day.slice(0, 4) === today.slice(0, 4) ? md : `${y}年${md}`;
}

/** How far a due date is from today, in words: 今天到期, 还剩 3 天, 已过 2 天. */
export function dueInText(day: Day, today: Day): string {
  const n = daysBetween(today, day);
  if (n === 0) return '今天到期';
  return n > 0 ? `还剩 ${n} 天` : `已过 ${-n} 天`;
}

/** An ISO instant as Shanghai wall time, YYYY-MM-DD HH:mm; '' for a string that is not one. */
export function instantText(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
