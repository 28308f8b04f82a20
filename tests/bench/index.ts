/**
 * `npm run bench`: each suite measures our code next to the raw engine doing the same work in
 * the same run, and prints the ratio. Targets live here, never in timed tests.
 */
export interface BenchResult {
  name: string;
  ours: { medianMs: number };
  raw: { medianMs: number };
  target: string;
  ok: boolean;
}
export type Suite = () => Promise<BenchResult[]>;

const suites: [string, () => Promise<{ default: Suite }>][] = [
  ['registration', () => import('./registration')],
  ['journal', () => import('./journal')],
  ['stamp', () => import('./stamp')],
];

export async function median(times: number, f: () => unknown | Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

const only = process.argv[2];
let failed = 0;
for (const [name, load] of suites) {
  if (only && only !== name) continue;
  const results = await (await load()).default();
  for (const r of results) {
    const ratio = r.ours.medianMs / r.raw.medianMs;
    if (!r.ok) failed++;
    process.stdout.write(
      `${r.ok ? 'ok  ' : 'MISS'} ${r.name}: ours ${r.ours.medianMs.toFixed(2)} ms, raw ${r.raw.medianMs.toFixed(2)} ms, ratio ${ratio.toFixed(2)} (target ${r.target})\n`,
    );
  }
}
process.stdout.write(failed ? `${failed} target(s) missed\n` : 'all targets met\n');
process.exitCode = failed ? 1 : 0;
