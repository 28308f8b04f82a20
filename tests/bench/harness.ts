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

/**
 * Both sides' times, taken in turns (ours, raw, raw, ours, …): on a shared machine the disk's fsync
 * time drifts over a run, and timing all of one side before the other would charge the drift to
 * whichever ran in the worse minute. One untimed run of each first, as in `samples`.
 */
export async function pairedSamples(times: number, a: () => unknown | Promise<unknown>, b: () => unknown | Promise<unknown>): Promise<[number[], number[]]> {
  await a();
  await b();
  const xs: number[] = [];
  const ys: number[] = [];
  const time = async (f: () => unknown | Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await f();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < times; i++) {
    if (i % 2 === 0) {
      await time(a, xs);
      await time(b, ys);
    } else {
      await time(b, ys);
      await time(a, xs);
    }
  }
  return [xs.sort((p, q) => p - q), ys.sort((p, q) => p - q)];
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
