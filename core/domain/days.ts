/**
 * Days in the campaign's time zone (DOMAIN.md: "Dates are days in Asia/Shanghai, whatever the
 * server's clock zone"). A day is the string `YYYY-MM-DD`; day arithmetic is done in UTC so no
 * host zone or DST can shift it.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Day } from '../contract';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CAMPAIGN_TIMEZONE = 'Asia/Shanghai';

/**
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so its wall clock is a fixed shift:
 * no Intl time-zone data needed (a phone's JS engine may lack it) and no per-call zone lookup.
 */
const FIXED_OFFSET_MS: Readonly<Record<string, number>> = { [CAMPAIGN_TIMEZONE]: 8 * 3_600_000 };

/** The wall clock in `tz` as a UTC dayjs (so format/hour read the zone's wall time). */
function wallClock(epochMs: number, tz: string): dayjs.Dayjs {
  const offset = FIXED_OFFSET_MS[tz];
  return offset === undefined ? dayjs(epochMs).tz(tz) : dayjs.utc(epochMs + offset);
}

/** The calendar day, in `tz`, of an instant given in epoch milliseconds. */
export function dayOf(epochMs: number, tz: string = CAMPAIGN_TIMEZONE): Day {
  return wallClock(epochMs, tz).format('YYYY-MM-DD');
}

/** The wall-clock hour (0–23), in `tz`, of an instant given in epoch milliseconds. */
export function hourOf(epochMs: number, tz: string = CAMPAIGN_TIMEZONE): number {
  return wallClock(epochMs, tz).hour();
}

/** ISO 8601 (UTC) text of an instant; core has no `Date` of its own. */
export function isoOf(epochMs: number): string {
  return dayjs(epochMs).toISOString();
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: Day, n: number): Day {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** The earlier / later of two days (the format sorts as text). */
export const minDay = (a: Day, b: Day): Day => (a <= b ? a : b);
export const maxDay = (a: Day, b: Day): Day => (a >= b ? a : b);
