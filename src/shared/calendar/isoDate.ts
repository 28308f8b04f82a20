/**
 * Civil-date arithmetic on `YYYY-MM-DD` strings. Dates are mapped to UTC midnights only to
 * count days: UTC has no DST, so adding days can never land on the wrong date.
 */
import type { IsoDate } from './types';

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** UTC milliseconds of a civil date; `setUTCFullYear` because `Date.UTC` maps years 0–99 to 19xx. */
export function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

export function isValidIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws on anything but a real date: a silently wrong deadline is worse than a loud error. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatUtcDate(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return formatUtcDate(utcMs(year, month, day));
}

function dateMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return utcMs(year, month, day);
}

/** Calendar days, not working days. */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return formatUtcDate(dateMs(date) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(dateMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}
