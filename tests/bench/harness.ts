/** What every benchmark suite returns, the timers they share, and how results are printed. */

/** One line of the bench: ours next to the raw engine doing the same work (when there is such a twin). */
export interface Entry {
  ours: number;
  raw?: number;
  /** `ms` for times; `MB` (memory) and `KB` (bundle) where a time would mean nothing. */
  unit: 'ms' | 'MB' | 'KB';
  ratio?: number;
  target: string;
  met: boolean;
  /** What was measured, in a few words (printed in the table, kept in the JSON). */
  what: string;
}

export interface BenchContext {
  quick: boolean;
  /** Requests in the big register (100,000 for the full run). */
  size: number;
  /** Progress for people, on stderr: stdout keeps the table or the one JSON value. */
  log(s: string): void;
  /** Whether this entry was asked for (`--only`); a suite skips the work of entries that were not. */
  wants(entry: string): boolean;
}

export type Suite = (ctx: BenchContext) => Promise<Record<string, Entry>>;

/** An entry with a raw twin: the ratio is computed here, the verdict from both limits. */
export function vsRaw(what: string, ours: number, raw: number, target: string, limit: { below?: number; ratio?: number }, unit: Entry['unit'] = 'ms'): Entry {
  const ratio = ours / raw;
  const met = (limit.below === undefined || ours < limit.below) && (limit.ratio === undefined || ratio <= limit.ratio);
  return { ours: round(ours), raw: round(raw), unit, ratio: round(ratio), target, met, what };
}

export function alone(what: string, ours: number, target: string, below: number, unit: Entry['unit'] = 'ms'): Entry {
  return { ours: round(ours), unit, target, met: ours < below, what };
}

/** Four significant digits: a 0.05 ms query keeps its precision, a 5,000 ms journal needs no decimals. */
const round = (x: number) => Number(x.toPrecision(4));

/** Every run's time in ms, one untimed run first (JIT, fonts and file caches would favour whichever side runs second). */
export async function samples(times: number, f: () => unknown | Promise<unknown>): Promise<number[]> {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b);
}

export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function median(times: number, f: () => unknown | Promise<unknown>): Promise<number> {
  return percentile(await samples(times, f), 50);
}

export function table(entries: Record<string, Entry>): string {
  const rows = Object.entries(entries).map(([k, e]) => [
    e.met ? 'ok' : 'MISS',
    k,
    `${e.ours} ${e.unit}`,
    e.raw === undefined ? '' : `${e.raw} ${e.unit}`,
    e.ratio === undefined ? '' : `${e.ratio}×`,
    e.target,
    e.what,
  ]);
  const head = ['', 'entry', 'ours', 'raw', 'ratio', 'target', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
