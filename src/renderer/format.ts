/**
 * Dates as a Ukrainian clerk reads and types them (`30.11.2026`, `23.11.2026 10:00`), always in
 * Kyiv time whatever the zone of the machine: the register counts terms in Kyiv.
 */
import { isValidIsoDate, weekday } from '../shared/calendar/isoDate';
import { kyivIso, parseInstant } from '../shared/calendar/kyivTime';

const WEEKDAY = ['нд', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'] as const;

/** `2026-11-30` → `30.11.2026`. */
export function uaDate(iso: string | null | undefined): string {
  if (!iso || !isValidIsoDate(iso)) return iso ?? '—';
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** `2026-11-30` → `пн, 30.11.2026`: a deadline is easier to plan with its weekday. */
export function uaDateWithWeekday(iso: string | null | undefined): string {
  if (!iso || !isValidIsoDate(iso)) return iso ?? '—';
  return `${WEEKDAY[weekday(iso)]}, ${uaDate(iso)}`;
}

/** Any ISO instant → Kyiv wall clock `23.11.2026 10:00`. */
export function uaDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = parseInstant(instant);
  if (!d) return instant;
  const k = kyivIso(d);
  return `${uaDate(k.slice(0, 10))} ${k.slice(11, 16)}`;
}

/**
 * When a request was received: date and time, or only the date with «час не зазначено» when the
 * source (an imported journal) gave no time — the stored start-of-day instant is never shown as 00:00.
 */
export function uaReceived(r: { receivedAt: string; receivedTimeKnown?: boolean }): string {
  if (r.receivedTimeKnown !== false) return uaDateTime(r.receivedAt);
  return `${uaDateTime(r.receivedAt).slice(0, 10)}, час не зазначено`;
}

/**
 * Now by the register's clock, as the clerk would type it into the "received" field. `offsetMs`:
 * the register's clock minus this machine's (see AppInfo.now), zero unless the register's is frozen.
 */
export function nowUaDateTime(offsetMs = 0): string {
  return uaDateTime(kyivIso(new Date(Date.now() + offsetMs)));
}

const pad = (s: string) => s.padStart(2, '0');

/** `30.11.2026`, `30/11/2026`, `2026-11-30` → `2026-11-30`; null for a day that does not exist. */
export function parseUaDate(text: string): string | null {
  const s = text.trim();
  let iso: string | null = null;
  const ua = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (ua) iso = `${ua[3]}-${pad(ua[2]!)}-${pad(ua[1]!)}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso && isValidIsoDate(iso) ? iso : null;
}

/**
 * `23.11.2026 10:00` → `2026-11-23T10:00`, without an offset on purpose: the register reads an
 * instant without offset as Kyiv wall-clock time, which is what the clerk typed. Null for a time
 * that never happened (a bad date, 25:00, the hour skipped by the spring clock change).
 */
export function parseUaDateTime(text: string): string | null {
  const m = /^(\S+)[\s,]+(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = parseUaDate(m[1]!);
  if (!date) return null;
  const local = `${date}T${pad(m[2]!)}:${m[3]}`;
  return parseInstant(local) ? local : null;
}

export const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Money in hryvnias as printed in letters: `12,34 грн`. */
export const uah = (n: number): string =>
  `${n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} грн`;
