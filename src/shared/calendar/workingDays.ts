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
import { addDays, isWeekend, parseIsoDate } from './isoDate';
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

export function dayInfo(date: IsoDate, cal: CalendarSettings): DayInfo {
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

export function isWorkingDay(date: IsoDate, cal: CalendarSettings): boolean {
  return dayInfo(date, cal).working;
}

function scanError(date: IsoDate): Error {
  return new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}: check the calendar settings`);
}

/** `date` itself if it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: IsoDate, cal: CalendarSettings): IsoDate {
  let d = date;
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(d, cal)) return d;
    d = addDays(d, 1);
  }
  throw scanError(date);
}

/**
 * The n-th working day strictly after `date` (Civil Code art. 253: a term starts on the day after
 * the event), so `date` itself never counts, working or not. n = 0 gives `date`; a negative n
 * counts back to the |n|-th working day strictly before it.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: CalendarSettings): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
  parseIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  let scanned = 0;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) left--;
    if (++scanned > MAX_SCAN_DAYS * Math.max(1, Math.abs(n))) throw scanError(date);
  }
  return d;
}

/**
 * Working days d with from < d ≤ to; when `to` is before `from`, minus the count of those with
 * to < d ≤ from, so an overdue deadline reads as "-N working days left".
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: CalendarSettings): number {
  parseIsoDate(from);
  parseIsoDate(to);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  // Avoid -0: callers compare with === and serialise the number.
  return count === 0 ? 0 : sign * count;
}
