/**
 * Instants and the civil time of Kyiv. Every date the register shows or counts from is a Kyiv
 * date, whatever the zone of the machine that computes it, so nothing here reads the host zone.
 */
import { tzOffset } from '@date-fns/tz';
import { daysInMonth, formatUtcDate, utcMs } from './isoDate';
import type { IsoDate } from './types';

export const KYIV_TZ = 'Europe/Kyiv';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

let zone: string | null = null;
/** Runtimes with tzdata older than 2022b know the city only by its former name. */
function kyivZone(): string {
  if (zone === null) zone = Number.isNaN(tzOffset(KYIV_TZ, new Date(0))) ? 'Europe/Kiev' : KYIV_TZ;
  return zone;
}

const offsetByHour = new Map<number, number>();
const MAX_CACHED_HOURS = 100_000;

/**
 * Minutes east of UTC in Kyiv at the instant `ms`. Since 1924 Kyiv has changed offset only on whole UTC
 * hours, so one answer per hour is exact, and it spares an `Intl` call per lookup.
 */
function kyivOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let off = offsetByHour.get(hour);
  if (off === undefined) {
    off = tzOffset(kyivZone(), new Date(hour * HOUR_MS));
    if (Number.isNaN(off)) throw new Error('No time zone data for Europe/Kyiv in this runtime');
    if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
    offsetByHour.set(hour, off);
  }
  return off;
}

/**
 * The instant at which Kyiv clocks read `localMs` (a wall-clock time encoded as if it were UTC).
 * Null in the spring-forward gap, when that reading never happened; in the autumn hour that
 * happens twice, the earlier (summer-time) instant, the first moment the clock showed it.
 */
function kyivLocalToInstant(localMs: number): number | null {
  // Offsets change at most twice a year, so the offsets a day either side cover every candidate.
  const offsets = new Set([kyivOffset(localMs - 24 * HOUR_MS), kyivOffset(localMs + 24 * HOUR_MS)]);
  let best: number | null = null;
  for (const off of offsets) {
    const t = localMs - off * MINUTE_MS;
    if (kyivOffset(t) === off && (best === null || t < best)) best = t;
  }
  return best;
}

function toMs(instant: string | Date): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new RangeError('Invalid Date');
    return t;
  }
  const parsed = parseInstant(instant);
  if (parsed === null) throw new RangeError(`Not a valid ISO 8601 instant: ${String(instant)}`);
  return parsed.getTime();
}

/** The civil date in Kyiv of an instant (a string is read as `parseInstant` reads it). */
export function kyivDate(instant: string | Date): IsoDate {
  const t = toMs(instant);
  return formatUtcDate(t + kyivOffset(t) * MINUTE_MS);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the Kyiv offset and whole seconds, e.g. `2026-01-15T10:00:00+02:00`. */
export function kyivIso(instant: Date): string {
  const t = Math.floor(toMs(instant) / 1000) * 1000;
  const off = kyivOffset(t);
  const local = new Date(t + off * MINUTE_MS);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return (
    `${formatUtcDate(local.getTime())}T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Reads an ISO 8601 instant. With `Z` or an offset it is exact; without one it is Kyiv wall-clock
 * time (a bare date is Kyiv midnight), because that is what a clerk in the council types.
 * Null for anything that never existed: 2026-02-30, 25:00, a Kyiv time skipped by the DST change.
 */
export function parseInstant(s: string): Date | null {
  if (typeof s !== 'string') return null;
  const m = INSTANT_RE.exec(s.trim());
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, zoneStr] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const localMs = utcMs(year, month, day) + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + ms;
  if (zoneStr === undefined) {
    const t = kyivLocalToInstant(localMs);
    return t === null ? null : new Date(t);
  }
  if (zoneStr === 'Z' || zoneStr === 'z') return new Date(localMs);
  const sign = zoneStr.startsWith('-') ? -1 : 1;
  const digits = zoneStr.slice(1).replace(':', '');
  const offH = Number(digits.slice(0, 2));
  const offM = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (offH > 23 || offM > 59) return null;
  return new Date(localMs - sign * (offH * 60 + offM) * MINUTE_MS);
}
