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
 * no Intl time-zone data needed (a phone's JS engine may lack it) and no per-call zone lookup. Other
 * zones read the wall clock from a cached Intl.DateTimeFormat; day arithmetic is plain UTC milliseconds.
 * dayjs is kept only for input outside those fast paths, so such input is answered as before.
 */
const FIXED_OFFSET_MS: Readonly<Record<string, number>> = { [CAMPAIGN_TIMEZONE]: 8 * 3_600_000 };

const DAY_MS = 86_400_000;

/**
 * One formatter per zone, made on first use: making an Intl.DateTimeFormat costs far more than using one,
 * and dayjs's timezone plugin made one (and parsed its text back) on every call.
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(tz: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    });
    zoneFormats.set(tz, format);
  }
  return format;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const four = (n: number): string => (n >= 1000 ? String(n) : String(n).padStart(4, '0'));

interface Civil {
  year: number;
  month: number;
  day: number;
}

/** The date of a count of days since 1970-01-01 (the platform's UTC calendar; no zone involved). */
function civilFromDays(days: number): Civil {
  // eslint-disable-next-line no-restricted-globals -- a calendar conversion, not a clock reading
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days since 1970-01-01 of a date (years ≥ 1000); a day past the month's end rolls over, as dayjs does. */
function daysFromCivil({ year, month, day }: Civil): number {
  // eslint-disable-next-line no-restricted-globals -- a calendar conversion, not a clock reading
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const dayText = ({ year, month, day }: Civil): Day => `${four(year)}-${two(month)}-${two(day)}`;

/** The wall-clock date and hour in `tz` of an instant. */
function wallClock(epochMs: number, tz: string): Civil & { hour: number } {
  const offset = FIXED_OFFSET_MS[tz];
  if (offset !== undefined) {
    const local = epochMs + offset;
    const days = Math.floor(local / DAY_MS);
    return { ...civilFromDays(days), hour: Math.floor((local - days * DAY_MS) / 3_600_000) };
  }
  const wall = { year: 0, month: 0, day: 0, hour: 0 };
  for (const part of zoneFormat(tz).formatToParts(epochMs)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour')
      wall[part.type] = Number(part.value);
  }
  return wall;
}

/** Instants whose wall clock falls in years 1000–9999 anywhere on Earth (a day's margin each side). */
const inRange = (epochMs: number): boolean => epochMs > -30_610_137_600_000 && epochMs < 253_402_128_000_000;

/** The calendar day, in `tz`, of an instant given in epoch milliseconds. */
export function dayOf(epochMs: number, tz: string = CAMPAIGN_TIMEZONE): Day {
  // Years before 1000 or after 9999 (and NaN): rare enough to leave to dayjs, which formats them its way.
  if (!inRange(epochMs)) return dayjs(epochMs).tz(tz).format('YYYY-MM-DD');
  return dayText(wallClock(epochMs, tz));
}

/** The wall-clock hour (0–23), in `tz`, of an instant given in epoch milliseconds. */
export function hourOf(epochMs: number, tz: string = CAMPAIGN_TIMEZONE): number {
  if (!inRange(epochMs)) return dayjs(epochMs).tz(tz).hour();
  return wallClock(epochMs, tz).hour;
}

/** ISO 8601 (UTC) text of an instant. */
export function isoOf(epochMs: number): string {
  // eslint-disable-next-line no-restricted-globals -- a calendar conversion of a given instant, not a clock reading
  return new Date(epochMs).toISOString();
}

/** The instant of ISO 8601 text (NaN for text that is not one). */
export function epochOf(iso: string): number {
  // eslint-disable-next-line no-restricted-globals -- a calendar conversion of given text, not a clock reading
  return Date.parse(iso);
}

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of `YYYY-MM-DD`; null for any other text, which is left to dayjs. */
function dayNumber(day: Day): number | null {
  const m = DAY_TEXT.exec(day);
  if (!m) return null;
  const civil = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // dayjs reads years 0–99 as 19xx, and months and days out of range its own way.
  if (civil.year < 1000 || civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > 31)
    return null;
  return daysFromCivil(civil);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: Day, n: number): Day {
  const from = dayNumber(day);
  if (from === null || !Number.isSafeInteger(n) || Math.abs(n) > 2_000_000)
    return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
  const to = civilFromDays(from + n);
  return to.year >= 1000 && to.year <= 9999 ? dayText(to) : dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) return dayjs.utc(to).diff(dayjs.utc(from), 'day');
  return b - a;
}

/** The earlier / later of two days (the format sorts as text). */
export const minDay = (a: Day, b: Day): Day => (a <= b ? a : b);
export const maxDay = (a: Day, b: Day): Day => (a >= b ? a : b);
