/**
 * Hybrid logical clock timestamps as fixed-width strings, so that plain string order is causal
 * order across desks: `2026-11-23T10:00:00.000Z-0001-<desk>`.
 */
export interface HlcState {
  millis: number;
  counter: number;
}

const pad = (n: number, w: number) => n.toString(16).padStart(w, '0');

export function formatHlc(s: HlcState, node: string): string {
  return `${new Date(s.millis).toISOString()}-${pad(s.counter, 4)}-${node}`;
}

export function parseHlc(hlc: string): HlcState | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-/.exec(hlc);
  if (!m) return null;
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16) };
}

/** Next local timestamp: never behind the wall clock, never behind anything seen before. */
export function tick(last: HlcState, wallMillis: number): HlcState {
  if (wallMillis > last.millis) return { millis: wallMillis, counter: 0 };
  return { millis: last.millis, counter: last.counter + 1 };
}

/** After receiving a remote timestamp, move past it so later local events sort after it. */
export function receive(last: HlcState, remote: HlcState, wallMillis: number): HlcState {
  const millis = Math.max(last.millis, remote.millis, wallMillis);
  if (millis === last.millis && millis === remote.millis) return { millis, counter: Math.max(last.counter, remote.counter) + 1 };
  if (millis === last.millis) return { millis, counter: last.counter + 1 };
  if (millis === remote.millis) return { millis, counter: remote.counter + 1 };
  return { millis, counter: 0 };
}
