import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  dayInfo,
  defaultCalendarSettings,
  isMartialLaw,
  isValidIsoDate,
  isWorkingDay,
  kyivDate,
  kyivIso,
  orthodoxEaster,
  parseInstant,
  publicHolidays,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarSettings,
  type DayOverride,
} from '../../src/shared/calendar';

const peacetime = (overrides: DayOverride[] = []): CalendarSettings => ({ ...defaultCalendarSettings(), mode: 'peacetime', overrides });
const martial = (overrides: DayOverride[] = []): CalendarSettings => ({ ...defaultCalendarSettings(), mode: 'martial', overrides });
const auto = defaultCalendarSettings();

/** The days off in [from, to] under `cal`, for comparing with a published calendar. */
function daysOff(from: string, to: string, cal: CalendarSettings): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWorkingDay(d, cal)) out.push(d);
  return out;
}
const weekendsIn = (from: string, to: string) => daysOff(from, to, martial());

describe('civil dates', () => {
  it('validates real calendar dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('2026-01-05T00:00')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('adds calendar days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('Kyiv time', () => {
  it('gives the Kyiv date of an instant, not the UTC one', () => {
    expect(kyivDate('2026-01-13T22:30:00Z')).toBe('2026-01-14');
    expect(kyivDate('2026-07-13T21:30:00Z')).toBe('2026-07-14');
    expect(kyivDate('2026-07-13T20:59:59Z')).toBe('2026-07-13');
    expect(kyivDate(new Date('2026-01-13T21:59:59Z'))).toBe('2026-01-13');
  });

  it('formats with the offset in force: +02:00 in winter, +03:00 in summer', () => {
    expect(kyivIso(new Date('2026-01-15T08:00:00Z'))).toBe('2026-01-15T10:00:00+02:00');
    expect(kyivIso(new Date('2026-07-15T08:00:00.999Z'))).toBe('2026-07-15T11:00:00+03:00');
    // The last winter second and the first summer one (clocks go 03:00 → 04:00 on 29 March 2026).
    expect(kyivIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T02:59:59+02:00');
    expect(kyivIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T04:00:00+03:00');
  });

  it('reads instants with an offset or Z exactly', () => {
    expect(parseInstant('2026-01-13T10:00:00+02:00')?.toISOString()).toBe('2026-01-13T08:00:00.000Z');
    expect(parseInstant('2026-01-13T10:00:00.250Z')?.toISOString()).toBe('2026-01-13T10:00:00.250Z');
    expect(parseInstant('2026-01-13T10:00-0530')?.toISOString()).toBe('2026-01-13T15:30:00.000Z');
  });

  it('reads a time without offset as Kyiv wall-clock time', () => {
    expect(parseInstant('2026-01-13T10:00:00')?.toISOString()).toBe('2026-01-13T08:00:00.000Z');
    expect(parseInstant('2026-07-13T10:00')?.toISOString()).toBe('2026-07-13T07:00:00.000Z');
    expect(parseInstant('2026-07-13')?.toISOString()).toBe('2026-07-12T21:00:00.000Z');
    // 03:30 on 25 October 2026 happens twice; the first time is summer time.
    expect(parseInstant('2026-10-25T03:30:00')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('rejects times that never existed', () => {
    for (const s of [
      '2026-02-30T10:00:00+02:00',
      '2026-02-29',
      '2026-01-13T25:00:00+02:00',
      '2026-01-13T24:00:00Z',
      '2026-01-13T10:60:00Z',
      '2026-01-13T10:00:61Z',
      '2026-01-13T10:00:00+25:00',
      // Kyiv clocks skipped 03:00–03:59 on 29 March 2026.
      '2026-03-29T03:30:00',
      'yesterday',
      '',
      '2026-01-13Z',
    ]) {
      expect(parseInstant(s), s).toBeNull();
    }
  });

  it('round-trips its own format', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const t = Math.floor(ms / 1000) * 1000;
        const iso = kyivIso(new Date(t));
        expect(parseInstant(iso)?.getTime()).toBe(t);
        expect(kyivDate(iso)).toBe(iso.slice(0, 10));
      }),
    );
  });
});

describe('Orthodox Easter and Trinity', () => {
  it('matches the known dates', () => {
    expect(orthodoxEaster(2016)).toBe('2016-05-01');
    expect(orthodoxEaster(2019)).toBe('2019-04-28');
    expect(orthodoxEaster(2021)).toBe('2021-05-02');
    expect(orthodoxEaster(2022)).toBe('2022-04-24');
    expect(orthodoxEaster(2023)).toBe('2023-04-16');
    expect(orthodoxEaster(2024)).toBe('2024-05-05');
    expect(orthodoxEaster(2025)).toBe('2025-04-20');
    expect(orthodoxEaster(2026)).toBe('2026-04-12');
  });

  it('puts Trinity seven weeks after Easter', () => {
    const at = (year: number, name: string) => publicHolidays(year).find((h) => h.name === name)?.date;
    expect(at(2019, 'Трійця')).toBe('2019-06-16');
    expect(at(2021, 'Трійця')).toBe('2021-06-20');
    expect(at(2024, 'Трійця')).toBe('2024-06-23');
    expect(at(2025, 'Трійця')).toBe('2025-06-08');
    expect(at(2026, 'Трійця')).toBe('2026-05-31');
  });

  it('always falls on a Sunday between 4 April and 8 May (Gregorian) in 1900–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), (year) => {
        const e = orthodoxEaster(year);
        expect(new Date(`${e}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(e >= `${year}-04-04` && e <= `${year}-05-08`).toBe(true);
      }),
    );
  });
});

describe('the art. 73 list in force', () => {
  const dates = (year: number) => publicHolidays(year).map((h) => h.date);

  it('2019: the list before the 2023 amendments, with 7 January, 9 May and 14 October', () => {
    expect(dates(2019)).toEqual([
      '2019-01-01', '2019-01-07', '2019-03-08', '2019-04-28', '2019-05-01', '2019-05-09',
      '2019-06-16', '2019-06-28', '2019-08-24', '2019-10-14', '2019-12-25',
    ]);
  });

  it('2017: 2 May still a holiday; 25 December added in time for that Christmas', () => {
    expect(dates(2017)).toContain('2017-05-02');
    expect(dates(2017)).toContain('2017-12-25');
    expect(dates(2018)).not.toContain('2018-05-02');
    expect(dates(2016)).not.toContain('2016-12-25');
  });

  it('2023: the last year of 7 January, 9 May and 28 July; 1 October already', () => {
    expect(dates(2023)).toEqual([
      '2023-01-01', '2023-01-07', '2023-03-08', '2023-04-16', '2023-05-01', '2023-05-09',
      '2023-06-04', '2023-06-28', '2023-07-28', '2023-08-24', '2023-10-01', '2023-12-25',
    ]);
  });

  it('2026: the list since the 2023 amendments', () => {
    expect(publicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Новий рік' },
      { date: '2026-03-08', name: 'Міжнародний жіночий день' },
      { date: '2026-04-12', name: 'Великдень (Пасха)' },
      { date: '2026-05-01', name: 'День праці' },
      { date: '2026-05-08', name: 'День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років' },
      { date: '2026-05-31', name: 'Трійця' },
      { date: '2026-06-28', name: 'День Конституції України' },
      { date: '2026-07-15', name: 'День Української Державності' },
      { date: '2026-08-24', name: 'День незалежності України' },
      { date: '2026-10-01', name: 'День захисників і захисниць України' },
      { date: '2026-12-25', name: 'Різдво Христове' },
    ]);
  });

  it('lists both holidays when they share a date', () => {
    expect(publicHolidays(2016).filter((h) => h.date === '2016-05-01').map((h) => h.name).sort()).toEqual([
      'Великдень (Пасха)',
      'День міжнародної солідарності трудящих',
    ]);
  });
});

describe('martial law period', () => {
  it('auto mode follows the dated period, both ends included', () => {
    const cal = { ...auto, martialLawTo: '2026-05-31' };
    expect(isMartialLaw('2022-02-23', cal)).toBe(false);
    expect(isMartialLaw('2022-02-24', cal)).toBe(true);
    expect(isMartialLaw('2026-05-31', cal)).toBe(true);
    expect(isMartialLaw('2026-06-01', cal)).toBe(false);
    expect(isMartialLaw('2040-01-01', auto)).toBe(true);
  });

  it('the forced modes ignore the period', () => {
    expect(isMartialLaw('2019-01-07', martial())).toBe(true);
    expect(isMartialLaw('2026-01-07', peacetime())).toBe(false);
  });
});

describe('working days in peacetime', () => {
  it('weekends are off, weekdays work', () => {
    expect(dayInfo('2019-01-12', peacetime())).toEqual({ date: '2019-01-12', working: false, kind: 'weekend' });
    expect(dayInfo('2019-01-14', peacetime())).toEqual({ date: '2019-01-14', working: true, kind: 'working' });
  });

  it('2019: holidays on weekdays, and the weekend ones move to Monday', () => {
    // As the Ministry of Social Policy published it for 2019, without the Cabinet's own transfers.
    const holidaysOnly = daysOff('2019-01-01', '2019-12-31', peacetime()).filter((d) => !weekendsIn(d, d).length);
    expect(holidaysOnly).toEqual([
      '2019-01-01', // Tuesday
      '2019-01-07', // Christmas on a Monday
      '2019-03-08', // Friday
      '2019-04-29', // Easter on 28 April
      '2019-05-01',
      '2019-05-09',
      '2019-06-17', // Trinity on 16 June
      '2019-06-28',
      '2019-08-26', // Independence Day on Saturday 24 August
      '2019-10-14',
      '2019-12-25',
    ]);
    expect(dayInfo('2019-08-24', peacetime())).toEqual({ date: '2019-08-24', working: false, kind: 'holiday', name: 'День незалежності України' });
    expect(dayInfo('2019-08-26', peacetime())).toEqual({ date: '2019-08-26', working: false, kind: 'holiday_transfer', name: 'День незалежності України' });
    expect(dayInfo('2019-06-17', peacetime())).toMatchObject({ kind: 'holiday_transfer', name: 'Трійця' });
    expect(dayInfo('2019-04-29', peacetime())).toMatchObject({ kind: 'holiday_transfer', name: 'Великдень (Пасха)' });
  });

  it('2021: 1 May on Saturday and Easter on Sunday give Monday and Tuesday off', () => {
    expect(daysOff('2021-04-29', '2021-05-11', peacetime())).toEqual([
      '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-08', '2021-05-09', '2021-05-10',
    ]);
    expect(dayInfo('2021-05-03', peacetime()).name).toBe('День праці');
    expect(dayInfo('2021-05-04', peacetime()).name).toBe('Великдень (Пасха)');
    expect(dayInfo('2021-06-21', peacetime()).kind).toBe('holiday_transfer');
    expect(dayInfo('2021-12-27', peacetime())).toMatchObject({ kind: 'holiday_transfer', name: 'Різдво Христове' });
    expect(dayInfo('2021-03-08', peacetime()).kind).toBe('holiday');
  });

  it('2010: 1 and 2 May on a weekend give 3 and 4 May off', () => {
    expect(daysOff('2010-04-30', '2010-05-05', peacetime())).toEqual(['2010-05-01', '2010-05-02', '2010-05-03', '2010-05-04']);
  });

  it('2016: Easter on Sunday 1 May gives one day off, after the 2 May holiday', () => {
    // One weekend day moved, though two holidays fell on it.
    expect(daysOff('2016-04-29', '2016-05-06', peacetime())).toEqual(['2016-04-30', '2016-05-01', '2016-05-02', '2016-05-03']);
  });

  it('transfers around the new year stay in their own year', () => {
    // 25 December 2021 (Saturday) → Monday 27 December; 1 January 2022 (Saturday) → Monday 3 January.
    expect(daysOff('2021-12-24', '2022-01-04', peacetime())).toEqual([
      '2021-12-25', '2021-12-26', '2021-12-27', '2022-01-01', '2022-01-02', '2022-01-03',
    ]);
  });

  it('government overrides: a working Saturday and a bridging day off', () => {
    const cal = peacetime([
      { date: '2019-04-30', working: false, note: 'Розпорядження КМУ від 16.01.2019 № 7-р' },
      { date: '2019-05-11', working: true, note: 'Розпорядження КМУ від 16.01.2019 № 7-р' },
    ]);
    expect(dayInfo('2019-04-30', cal)).toEqual({ date: '2019-04-30', working: false, kind: 'government_day_off', name: 'Розпорядження КМУ від 16.01.2019 № 7-р' });
    expect(dayInfo('2019-05-11', cal)).toMatchObject({ working: true, kind: 'government_working_day' });
    expect(daysOff('2019-04-27', '2019-05-12', cal)).toEqual([
      '2019-04-27', '2019-04-28', '2019-04-29', '2019-04-30', '2019-05-01', '2019-05-04', '2019-05-05', '2019-05-09', '2019-05-12',
    ]);
  });
});

describe('working days under martial law', () => {
  it('holidays are ordinary days and nothing is transferred', () => {
    expect(dayInfo('2026-03-09', auto)).toEqual({ date: '2026-03-09', working: true, kind: 'working' });
    expect(dayInfo('2024-08-24', auto)).toEqual({ date: '2024-08-24', working: false, kind: 'weekend', name: 'День незалежності України' });
    expect(isWorkingDay('2024-08-26', auto)).toBe(true);
    expect(dayInfo('2025-12-25', auto)).toEqual({ date: '2025-12-25', working: true, kind: 'working', name: 'Різдво Христове' });
    expect(isWorkingDay('2024-06-24', auto)).toBe(true); // the Monday after Trinity
    expect(daysOff('2026-01-01', '2026-12-31', auto)).toEqual(weekendsIn('2026-01-01', '2026-12-31'));
  });

  it('the same days in peacetime', () => {
    expect(dayInfo('2026-03-09', peacetime())).toMatchObject({ working: false, kind: 'holiday_transfer', name: 'Міжнародний жіночий день' });
    expect(dayInfo('2024-08-26', peacetime())).toMatchObject({ working: false, kind: 'holiday_transfer' });
    expect(dayInfo('2024-06-24', peacetime())).toMatchObject({ working: false, kind: 'holiday_transfer', name: 'Трійця' });
  });

  it('government overrides are ignored', () => {
    const overrides = [
      { date: '2026-03-14', working: true, note: 'робоча субота' },
      { date: '2026-03-10', working: false, note: 'вихідний' },
    ];
    expect(isWorkingDay('2026-03-14', martial(overrides))).toBe(false);
    expect(isWorkingDay('2026-03-10', martial(overrides))).toBe(true);
    expect(isWorkingDay('2026-03-14', peacetime(overrides))).toBe(true);
    expect(isWorkingDay('2026-03-10', peacetime(overrides))).toBe(false);
  });

  it('after martialLawTo the peacetime rules return', () => {
    const cal: CalendarSettings = { ...auto, martialLawTo: '2026-05-31' };
    expect(isWorkingDay('2026-05-01', cal)).toBe(true);
    expect(dayInfo('2026-06-29', cal)).toMatchObject({ working: false, kind: 'holiday_transfer' }); // 28 June is a Sunday
    expect(dayInfo('2026-07-15', cal)).toMatchObject({ working: false, kind: 'holiday' });
    expect(isWorkingDay('2026-08-24', cal)).toBe(false);
    // Trinity fell on 31 May, the last day of martial law: its Monday stays a working day.
    expect(isWorkingDay('2026-06-01', cal)).toBe(true);
  });
});

describe('counting working days', () => {
  it('addWorkingDays never counts the start day', () => {
    expect(addWorkingDays('2026-01-13', 1, auto)).toBe('2026-01-14');
    expect(addWorkingDays('2026-01-16', 1, auto)).toBe('2026-01-19'); // Friday → Monday
    expect(addWorkingDays('2026-01-17', 1, auto)).toBe('2026-01-19'); // Saturday → Monday
    expect(addWorkingDays('2026-01-13', 5, auto)).toBe('2026-01-20');
    expect(addWorkingDays('2026-01-13', 0, auto)).toBe('2026-01-13');
    expect(addWorkingDays('2026-01-20', -5, auto)).toBe('2026-01-13');
  });

  it('workingDayOnOrAfter', () => {
    expect(workingDayOnOrAfter('2026-01-13', auto)).toBe('2026-01-13');
    expect(workingDayOnOrAfter('2026-01-17', auto)).toBe('2026-01-19');
    expect(workingDayOnOrAfter('2021-05-01', peacetime())).toBe('2021-05-05');
  });

  it('workingDaysBetween counts from < d ≤ to, negative backwards', () => {
    expect(workingDaysBetween('2026-01-13', '2026-01-20', auto)).toBe(5);
    expect(workingDaysBetween('2026-01-13', '2026-01-13', auto)).toBe(0);
    expect(workingDaysBetween('2026-01-16', '2026-01-18', auto)).toBe(0);
    expect(workingDaysBetween('2026-01-20', '2026-01-13', auto)).toBe(-5);
    expect(Object.is(workingDaysBetween('2026-01-18', '2026-01-16', auto), 0)).toBe(true);
  });

  const isoDay = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
  const calendars = fc.constantFrom<CalendarSettings>(auto, peacetime(), martial(), { ...auto, martialLawTo: '2024-12-31' });

  it('property: addWorkingDays lands on a working day, strictly later as n grows', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 25 }), calendars, (d, n, cal) => {
        const a = addWorkingDays(d, n, cal);
        const b = addWorkingDays(d, n + 1, cal);
        expect(isWorkingDay(a, cal)).toBe(true);
        expect(a > d).toBe(true);
        expect(b > a).toBe(true);
        expect(workingDaysBetween(d, a, cal)).toBe(n);
        expect(workingDaysBetween(a, d, cal)).toBe(-n);
      }),
    );
  });

  it('property: peacetime never has more working days than martial law', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 60 }), (d, span) => {
        const to = addDays(d, span);
        expect(workingDaysBetween(d, to, peacetime())).toBeLessThanOrEqual(workingDaysBetween(d, to, martial()));
      }),
    );
  });
});
