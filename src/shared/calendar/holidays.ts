/**
 * Public holidays of the Labour Code of Ukraine, art. 73, as a dated table: the list in force
 * changed several times, and a deadline computed for a past date must use the list of that year.
 *
 * Each row says in which years its date was a holiday. The first/last years are what each
 * amending law made observable; the comments name the law and when it came into force.
 * Years before 2000 are outside the register's range and are not checked against the texts.
 */
import { addDays, isoDateOf } from './isoDate';
import type { IsoDate } from './types';

interface FixedHoliday {
  month: number;
  day: number;
  name: string;
  /** First year the date is a holiday under this name; open-ended when absent. */
  from?: number;
  /** Last year the date is a holiday under this name; open-ended when absent. */
  to?: number;
}

/*
 * Law No. 238-VIII of 05.03.2015: 14 October, Defender of Ukraine Day (first kept in 2015).
 * Law No. 315-VIII of 09.04.2015: 9 May renamed; the new name first applied to 9 May 2016.
 * Law No. 2211-VIII of 16.11.2017 (in force 02.12.2017): 25 December added (so 25.12.2017 was
 *   already a holiday); 1 May becomes Labour Day alone, 2 May no longer a holiday from 2018.
 * Law No. 1643-IX of 14.07.2021 (in force August 2021): 14 October renamed
 *   «День захисників і захисниць України».
 * Bill No. 5864, adopted 31.05.2022: 28 July, Day of Ukrainian Statehood (first date 28.07.2022).
 * Law No. 3107-IX of 29.05.2023 (in force 15.06.2023): 8 May replaces 9 May (9 May 2023 was still
 *   on the list; 8 May first falls in 2024).
 * Law of 14.07.2023 on bill No. 9431, signed 28.07.2023 and in force before the autumn holidays
 *   (the project's domain notes date the new list from 01.09.2023): Christmas only on 25 December
 *   (7 January last in 2023), Statehood Day on 15 July (28.07.2023 was the last on the old date,
 *   15 July first in 2024), Defenders' Day on 1 October (first 01.10.2023; 14 October last in 2022).
 * None of these changes mattered in practice from 24.02.2022: under martial law art. 73 does
 * not apply (Law No. 2136-IX), which `dayInfo` handles; the table stays exact for peacetime mode.
 */
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: 'Новий рік' },
  { month: 1, day: 7, name: 'Різдво Христове', from: 1991, to: 2023 },
  { month: 3, day: 8, name: 'Міжнародний жіночий день' },
  { month: 5, day: 1, name: 'День міжнародної солідарності трудящих', to: 2017 },
  { month: 5, day: 2, name: 'День міжнародної солідарності трудящих', to: 2017 },
  { month: 5, day: 1, name: 'День праці', from: 2018 },
  { month: 5, day: 8, name: 'День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років', from: 2024 },
  { month: 5, day: 9, name: 'День Перемоги', to: 2015 },
  { month: 5, day: 9, name: 'День перемоги над нацизмом у Другій світовій війні (День перемоги)', from: 2016, to: 2023 },
  { month: 6, day: 28, name: 'День Конституції України', from: 1997 },
  { month: 7, day: 15, name: 'День Української Державності', from: 2024 },
  { month: 7, day: 16, name: 'День незалежності України', from: 1991, to: 1991 },
  { month: 7, day: 28, name: 'День Української Державності', from: 2022, to: 2023 },
  { month: 8, day: 24, name: 'День незалежності України', from: 1992 },
  { month: 10, day: 1, name: 'День захисників і захисниць України', from: 2023 },
  { month: 10, day: 14, name: 'День захисника України', from: 2015, to: 2020 },
  { month: 10, day: 14, name: 'День захисників і захисниць України', from: 2021, to: 2022 },
  { month: 11, day: 7, name: 'Річниця Великої Жовтневої соціалістичної революції', to: 1999 },
  { month: 11, day: 8, name: 'Річниця Великої Жовтневої соціалістичної революції', to: 1999 },
  { month: 12, day: 25, name: 'Різдво Христове', from: 2017 },
];

export const EASTER_NAME = 'Великдень (Пасха)';
export const TRINITY_NAME = 'Трійця';

/**
 * Orthodox Easter: the Julian computus (Meeus), moved to the Gregorian calendar. The Orthodox
 * Church of Ukraine kept the Julian paschalion when it moved its fixed feasts in 2023.
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // The Julian calendar falls one more day behind in every century year not divisible by 400.
  const julianLag = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return addDays(isoDateOf(year, month, day), julianLag);
}

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

const cache = new Map<number, readonly PublicHoliday[]>();

/**
 * The art. 73 holidays of a year as the list then in force, sorted by date. Two holidays can share
 * a date (Easter on 1 May in 2005 and 2016): both are listed. Martial law is not considered here.
 */
export function publicHolidays(year: number): Array<{ date: IsoDate; name: string }> {
  let list = cache.get(year);
  if (!list) {
    const easter = orthodoxEaster(year);
    const all: PublicHoliday[] = FIXED_HOLIDAYS.filter(
      (h) => (h.from === undefined || year >= h.from) && (h.to === undefined || year <= h.to),
    ).map((h) => ({ date: isoDateOf(year, h.month, h.day), name: h.name }));
    all.push({ date: easter, name: EASTER_NAME }, { date: addDays(easter, 49), name: TRINITY_NAME });
    all.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    list = all;
    cache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

const byDateCache = new Map<number, ReadonlyMap<IsoDate, readonly string[]>>();

/** Names of the holidays on each date of a year; internal, shared by the working-day rules. */
export function holidayNamesByDate(year: number): ReadonlyMap<IsoDate, readonly string[]> {
  let map = byDateCache.get(year);
  if (!map) {
    const m = new Map<IsoDate, string[]>();
    for (const h of publicHolidays(year)) {
      const names = m.get(h.date);
      if (names) names.push(h.name);
      else m.set(h.date, [h.name]);
    }
    map = m;
    byDateCache.set(year, map);
  }
  return map;
}
