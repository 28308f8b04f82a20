/**
 * Martial law as a dated setting. Under it (Law No. 2136-IX) Labour Code art. 73 and art. 67
 * parts 3–5 do not apply, which is why the calendar must know, day by day, whether it was in force.
 */
import { parseIsoDate } from './isoDate';
import type { CalendarSettings, IsoDate } from './types';

/** Presidential Decree No. 64/2022, approved by Law No. 2102-IX. */
export const MARTIAL_LAW_SINCE: IsoDate = '2022-02-24';

export function defaultCalendarSettings(): CalendarSettings {
  return { mode: 'auto', martialLawFrom: MARTIAL_LAW_SINCE, martialLawTo: null, overrides: [] };
}

/** Both ends of the period are days under martial law. */
export function isMartialLaw(date: IsoDate, cal: CalendarSettings): boolean {
  parseIsoDate(date);
  switch (cal.mode) {
    case 'martial':
      return true;
    case 'peacetime':
      return false;
    case 'auto':
      return date >= cal.martialLawFrom && (cal.martialLawTo === null || date <= cal.martialLawTo);
  }
}
