/**
 * The reminder rules of DOMAIN.md "Reminders (cron, Asia/Shanghai)" as pure functions: quiet hours,
 * which units owe a post, and the dedupe key that makes each (user, kind, subject, period) sent once.
 */
import type { Day, NotificationKind } from '../contract';
import { daysBetween } from './days';

/** Nothing is sent from 22:00 until 08:00, campaign-zone wall clock. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

export function isQuietHour(hour: number): boolean {
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** DOMAIN.md: a unit is reminded after `postEveryDays` days without a post (default 7). */
export const DEFAULT_POST_EVERY_DAYS = 7;

export interface OwedPost {
  unitId: string;
  /** Whole days without a post before today (since the campaign start for a unit that never posted). */
  idleDays: number;
  /** The day of its latest post; null when it never posted. */
  lastDay: Day | null;
}

/**
 * The units that owe a post today: those with no post on any of the last `postEveryDays` whole days
 * before today. A unit that never posted counts from the campaign start, so nobody is reminded in the
 * first `postEveryDays` days. Only while the campaign runs (start ≤ today ≤ end).
 */
export function unitsOwingPost(input: {
  start: Day;
  end: Day;
  today: Day;
  unitIds: readonly string[];
  lastPostDays: ReadonlyMap<string, Day>;
  postEveryDays?: number;
}): OwedPost[] {
  const { start, end, today } = input;
  if (today < start || today > end) return [];
  const every = input.postEveryDays ?? DEFAULT_POST_EVERY_DAYS;
  const owed: OwedPost[] = [];
  for (const unitId of input.unitIds) {
    const lastDay = input.lastPostDays.get(unitId) ?? null;
    // Days strictly between the last post and today, or from the start up to yesterday.
    const idleDays = lastDay === null ? daysBetween(start, today) : daysBetween(lastDay, today) - 1;
    if (idleDays >= every) owed.push({ unitId, idleDays, lastDay });
  }
  return owed;
}

/** The period of a daily reminder is its day. */
export const dailyPeriod = (today: Day): string => today;

/** One (user, kind, subject, period) is stored, and so sent, at most once. */
export function reminderKey(userId: string, kind: NotificationKind, subjectId: string, period: string): string {
  return `${userId}|${kind}|${subjectId}|${period}`;
}
