/**
 * Which days count as working days for the terms of the access-to-information law, and the
 * counting of working days. Rules, in order of precedence:
 * - under martial law only Saturdays and Sundays are off (Law No. 2136-IX suspends art. 73 and
 *   art. 67 parts 3–5, so holidays are ordinary days and nothing is moved or transferred);
 * - otherwise a government override decides its date;
 * - art. 73 holidays are off;
 * - art. 67 part 3: a Saturday or Sunday that coincides with a holiday moves the day off to the
 *   next day that is neither a weekend nor a holiday nor already taken by an earlier transfer;
 * - Saturdays and Sundays are off.
 */
import { holidayNamesByDate } from './holidays';
import { addDays, dayNumber, fromDayNumberIso, isWeekend, parseIsoDate } from './isoDate';
import { isMartialLaw } from './martialLaw';
import type { CalendarSettings, DayInfo, DayOverride, IsoDate } from './types';

/** No run of consecutive days off is anywhere near this long; beyond it the settings are broken. */
const MAX_SCAN_DAYS = 3660;

function holidayNames(date: IsoDate): readonly string[] | undefined {
  return holidayNamesByDate(parseIsoDate(date).year).get(date);
}

const overrideMaps = new WeakMap<readonly DayOverride[], ReadonlyMap<IsoDate, DayOverride>>();

/** Indexed once per overrides array, since deadlines of every open request ask about many days. */
function overrideOn(date: IsoDate, cal: CalendarSettings): DayOverride | undefined {
  let map = overrideMaps.get(cal.overrides);
  if (!map) {
    // A later entry for the same date wins: it is the administrator's correction.
    map = new Map(cal.overrides.map((o) => [o.date, o]));
    overrideMaps.set(cal.overrides, map);
  }
  return map.get(date);
}

const transferCache = new Map<string, ReadonlyMap<IsoDate, string>>();

/**
 * The art. 67 part 3 days off that land in `year`. Transfers are assigned in date order, so when
 * two weekend holidays meet (1 May on Saturday and Easter on Sunday, 2021) the second takes the
 * day after the first one's. One weekend day gives one transfer even when two holidays share it
 * (Easter on 1 May 2016): the law moves the day off, not the holiday. Overrides are not consulted:
 * the Cabinet's transfers were always set around these days.
 */
function transfersIn(year: number, cal: CalendarSettings): ReadonlyMap<IsoDate, string> {
  const key = cal.mode === 'auto' ? `auto|${cal.martialLawFrom}|${cal.martialLawTo ?? ''}|${year}` : `${cal.mode}|${year}`;
  let result = transferCache.get(key);
  if (result) return result;
  const out = new Map<IsoDate, string>();
  if (cal.mode !== 'martial') {
    const taken = new Set<IsoDate>();
    // A late-December weekend holiday of the previous year could push its day off into January.
    const sources = [...holidayNamesByDate(year - 1), ...holidayNamesByDate(year)]
      .filter(([date]) => date >= `${year - 1}-12-01` && isWeekend(date) && !isMartialLaw(date, cal))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [date, names] of sources) {
      let target = addDays(date, 1);
      while (isWeekend(target) || holidayNames(target) !== undefined || taken.has(target)) target = addDays(target, 1);
      taken.add(target);
      if (target.startsWith(`${year}-`)) out.set(target, names.join('; '));
    }
  }
  result = out;
  transferCache.set(key, result);
  return result;
}

/**
 * Deadlines for every open request walk the same few weeks again and again, so answers are kept
 * per calendar, by day number. The key covers everything a day depends on; overrides are
 * identified by content once per array, which is why settings must be replaced, never mutated
 * in place.
 */
const overrideSignatures = new WeakMap<readonly DayOverride[], string>();
const dayTables = new Map<string, Map<number, DayInfo>>();
const MAX_CALENDARS = 16;
const MAX_DAYS_PER_CALENDAR = 50_000;

function dayTable(cal: CalendarSettings): Map<number, DayInfo> {
  let sig = overrideSignatures.get(cal.overrides);
  if (sig === undefined) {
    sig = JSON.stringify(cal.overrides.map((o) => [o.date, o.working, o.note]));
    overrideSignatures.set(cal.overrides, sig);
  }
  const key = `${cal.mode}|${cal.martialLawFrom}|${cal.martialLawTo ?? ''}|${sig}`;
  let table = dayTables.get(key);
  if (!table) {
    if (dayTables.size >= MAX_CALENDARS) dayTables.clear();
    table = new Map();
    dayTables.set(key, table);
  }
  return table;
}

function infoAt(table: Map<number, DayInfo>, day: number, cal: CalendarSettings): DayInfo {
  let info = table.get(day);
  if (!info) {
    info = Object.freeze(computeDayInfo(fromDayNumberIso(day), cal));
    if (table.size >= MAX_DAYS_PER_CALENDAR) table.clear();
    table.set(day, info);
  }
  return info;
}

function toDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumber(year, month, day);
}

function computeDayInfo(date: IsoDate, cal: CalendarSettings): DayInfo {
  const { year } = parseIsoDate(date);
  const weekend = isWeekend(date);
  const names = holidayNames(date);
  const holidayName = names?.join('; ');
  const withName = (info: DayInfo): DayInfo => (holidayName === undefined || info.name !== undefined ? info : { ...info, name: holidayName });

  if (isMartialLaw(date, cal)) {
    return withName(weekend ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'working' });
  }
  const override = overrideOn(date, cal);
  if (override) {
    const note = override.note.trim();
    return withName({
      date,
      working: override.working,
      kind: override.working ? 'government_working_day' : 'government_day_off',
      ...(note ? { name: note } : {}),
    });
  }
  if (holidayName !== undefined) return { date, working: false, kind: 'holiday', name: holidayName };
  const transferFor = transfersIn(year, cal).get(date);
  if (transferFor !== undefined) return { date, working: false, kind: 'holiday_transfer', name: transferFor };
  return weekend ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'working' };
}

export function dayInfo(date: IsoDate, cal: CalendarSettings): DayInfo {
  return { ...infoAt(dayTable(cal), toDay(date), cal) };
}

export function isWorkingDay(date: IsoDate, cal: CalendarSettings): boolean {
  return infoAt(dayTable(cal), toDay(date), cal).working;
}

function scanError(date: IsoDate): Error {
  return new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}: check the calendar settings`);
}

/** `date` itself if it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: IsoDate, cal: CalendarSettings): IsoDate {
  const table = dayTable(cal);
  const start = toDay(date);
  for (let d = start; d <= start + MAX_SCAN_DAYS; d++) if (infoAt(table, d, cal).working) return fromDayNumberIso(d);
  throw scanError(date);
}

/**
 * The n-th working day strictly after `date` (Civil Code art. 253: a term starts on the day after
 * the event), so `date` itself never counts, working or not. n = 0 gives `date`; a negative n
 * counts back to the |n|-th working day strictly before it.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: CalendarSettings): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
  const table = dayTable(cal);
  const start = toDay(date);
  const step = n < 0 ? -1 : 1;
  const limit = MAX_SCAN_DAYS * Math.max(1, Math.abs(n));
  let left = Math.abs(n);
  let d = start;
  while (left > 0) {
    d += step;
    if (infoAt(table, d, cal).working) left--;
    if (Math.abs(d - start) > limit) throw scanError(date);
  }
  return fromDayNumberIso(d);
}

/**
 * Working days d with from < d ≤ to; when `to` is before `from`, minus the count of those with
 * to < d ≤ from, so an overdue deadline reads as "-N working days left".
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: CalendarSettings): number {
  const table = dayTable(cal);
  const a = toDay(from);
  const b = toDay(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (infoAt(table, d, cal).working) count++;
  // Avoid -0: callers compare with === and serialise the number.
  return count === 0 ? 0 : sign * count;
}
