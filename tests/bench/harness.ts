/** What every benchmark suite returns, and the timer they share. */
export interface BenchResult {
  name: string;
  ours: { medianMs: number };
  raw: { medianMs: number };
  target: string;
  ok: boolean;
}
export type Suite = () => Promise<BenchResult[]>;


export async function median(times: number, f: () => unknown | Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  // One untimed run first: JIT, font parsing and file-system caches would otherwise favour whichever side runs second.
  await f();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

