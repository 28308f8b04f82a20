/** Dates and times as a Ukrainian reader writes them, for messages and papers (never ISO). */

/** `2026-11-23T10:05:00+02:00` (an instant written in Kyiv time) → `23.11.2026 10:05`. */
export function uaDateTimeOf(kyivIsoInstant: string): string {
  const [d, t] = [kyivIsoInstant.slice(0, 10), kyivIsoInstant.slice(11, 16)];
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${t}`;
}
