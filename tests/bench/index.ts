/**
 * `npm run bench`: each suite measures our code next to the raw engine doing the same work in
 * the same run, and prints the ratio. Targets live here, never in timed tests.
 */
import type { Suite } from './harness';

const suites: [string, () => Promise<{ default: Suite }>][] = [
  ['registration', () => import('./registration')],
  ['journal', () => import('./journal')],
  ['stamp', () => import('./stamp')],
  ['sync', () => import('./sync')],
];

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
