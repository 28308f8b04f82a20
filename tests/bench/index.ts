/**
 * `npm run bench`: each entry measures our code next to the raw engine doing the same work in the
 * same run (where there is such a twin) and says whether its target is met. Targets live here,
 * never in timed tests.
 *
 *   npm run bench                      the full run: the big register has 100,000 requests
 *   npm run bench -- --quick           a smaller set (2,000 requests, fewer repetitions), a few minutes
 *   npm run bench -- --json            one JSON object keyed by entry instead of the table
 *   npm run bench -- --size N          the big register's size (the shape test uses a tiny one)
 *   npm run bench -- --only a,b        only the suites that make these entries
 *   npm run bench -- --fresh           make the cached big register anew (see fixture.ts)
 */
import { parseArgs } from 'node:util';
import { table, type BenchContext, type Entry, type Suite } from './harness';

/** Suites in the order they run, with the entries each makes. */
const SUITES: [string[], () => Promise<{ default: Suite }>][] = [
  [['register'], () => import('./registration')],
  [['open', 'search', 'list', 'today'], () => import('./bigRegister')],
  [['stamp'], () => import('./stamp')],
  [['journal_pdf', 'journal_xlsx'], () => import('./journal')],
  [['sync'], () => import('./sync')],
  [['cli_start', 'memory', 'bundle'], () => import('./process')],
  [['verify', 'verify_memory'], () => import('./verify')],
];
const ENTRIES = SUITES.flatMap(([names]) => names);

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    json: { type: 'boolean' },
    size: { type: 'string' },
    only: { type: 'string' },
    fresh: { type: 'boolean' },
    'memory-child': { type: 'string' },
    'verify-child': { type: 'string' },
  },
});

if (values['memory-child']) {
  (await import('./process')).memoryChild(values['memory-child']);
} else if (values['verify-child']) {
  (await import('./verify')).verifyChild(values['verify-child']);
} else {
  const quick = values.quick === true;
  const size = values.size ? Number(values.size) : quick ? 2000 : 100_000;
  if (!Number.isInteger(size) || size < 10) throw new Error(`--size must be a whole number ≥ 10, not ${values.size}`);
  const only = values.only?.split(',');
  const unknown = only?.filter((n) => !ENTRIES.includes(n));
  if (unknown?.length) throw new Error(`--only: no such entry ${unknown.join(', ')}; entries: ${ENTRIES.join(', ')}`);
  const ctx: BenchContext = { quick, size, log: (s) => void process.stderr.write(`${s}\n`), wants: (e) => !only || only.includes(e) };
  const results: Record<string, Entry> = {};
  for (const [names, load] of SUITES) {
    if (only && !names.some((n) => only.includes(n))) continue;
    ctx.log(`bench: ${names.join(', ')}…`);
    Object.assign(results, await (await load()).default(ctx));
  }
  const missed = Object.values(results).filter((e) => !e.met).length;
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${table(results)}\n${missed ? `${missed} target(s) missed` : 'all targets met'} (${quick ? 'quick, ' : ''}${size} requests)\n`);
  // A missed target is the bench's finding, not its failure: the exit code says only whether it ran.
}
