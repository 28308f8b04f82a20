export type { CalendarSettings, DayInfo, DayKind, DayOverride, IsoDate } from './types';
export { addDays, isValidIsoDate, weekday } from './isoDate';
export { KYIV_TZ, kyivDate, kyivIso, parseInstant } from './kyivTime';
export { EASTER_NAME, orthodoxEaster, publicHolidays, TRINITY_NAME, type PublicHoliday } from './holidays';
export { defaultCalendarSettings, isMartialLaw, MARTIAL_LAW_SINCE } from './martialLaw';
export { addWorkingDays, dayInfo, isWorkingDay, workingDayOnOrAfter, workingDaysBetween } from './workingDays';
