/**
 * When figures may still be posted (DOMAIN.md "Settled details"): during the campaign they count on the
 * day they are posted; statistics come late, so for `lateDays` (default 15) after the end day E final
 * figures may still be posted and count as of E; after that the campaign is closed and read-only.
 */
import type { Day } from '../contract';
import { daysBetween } from './days';

export const DEFAULT_LATE_DAYS = 15;

export type PostingDay = { open: true; day: Day } | { open: false; closedAfter: Day; lateDays: number };

export function postingDay(today: Day, end: Day, lateDays: number = DEFAULT_LATE_DAYS): PostingDay {
  if (today <= end) return { open: true, day: today };
  if (daysBetween(end, today) <= lateDays) return { open: true, day: end };
  return { open: false, closedAfter: end, lateDays };
}
