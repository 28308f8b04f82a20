/**
 * Whole-process figures: how soon the CLI answers, how much memory a desk with the big register
 * holds (in a child process, so this process's own heap does not count), and the renderer's first screen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openDb } from '../../src/main/db/open';
import { listPage, todayPanel } from '../../src/main/services/queries';
import { alone, median, vsRaw, type Suite } from './harness';
import { BENCH_NOW, demoRegisterCopy } from './fixture';
import { searchQueries } from './bigRegister';

/** The project folder: the bench runs from dist/bench/ (or a chunk below it), tests from tests/bench/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bin', 'registry-desk.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: project folder not found');
    dir = up;
  }
  return dir;
}

/**
 * `--memory-child FILE`: what a desk does — open, search, the journal's first page and a month, the
 * today panel — then report peak RSS. Searches and lists ask as the journal screen does
 * (`listPage`, i.e. `requests:page`), the same calls the `search` and `list` entries time; the CLI's
 * whole `list` (up to 10,000 rows at once) is a one-off command, not a desk's resident memory.
 */
export function memoryChild(file: string): void {
  const db = openDb(file, { now: () => BENCH_NOW });
  for (const q of searchQueries(db)) listPage(db, { search: q });
  listPage(db, {});
  const month = db.sqlite.prepare('SELECT substr(max(received_date), 1, 7) FROM requests').pluck().get() as string;
  listPage(db, { month });
  todayPanel(db);
  db.sqlite.close();
  process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

const suite: Suite = async ({ quick, size, log, wants }) => {
  const root = projectRoot();
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const reps = quick ? 5 : 15;
  const cli = await median(reps, () => run(['bin/registry-desk.mjs', '--version']));
  const bare = await median(reps, () => run(['-e', '0']));

  let rss = 0;
  if (wants('memory')) {
    const file = demoRegisterCopy(size, log);
    try {
      rss = (JSON.parse(run([process.argv[1]!, '--memory-child', file])) as { maxRssMB: number }).maxRssMB;
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  }

  // The first screen: the entry script and what it preloads (chunks loaded later are not counted).
  const html = readFileSync(join(root, 'dist', 'renderer', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const kb = scripts.reduce((s, src) => s + gzipSync(readFileSync(join(root, 'dist', 'renderer', src))).length, 0) / 1024;

  const entries: Awaited<ReturnType<Suite>> = {
    cli_start: vsRaw('`registry-desk --version` as a whole process, vs `node -e 0`', cli, bare, '< 300 ms', { below: 300 }),
    memory: alone(`peak RSS of a process that opened the ${size} register and ran 200 searches, the journal's first page and a month and the today panel as the desk asks for them (requests:page)`, rss, '< 200 MB', 200, 'MB'),
    bundle: alone(`first-screen renderer JS, gzip (${scripts.length} file${scripts.length === 1 ? '' : 's'})`, kb, '< 400 KB', 400, 'KB'),
  };
  if (!wants('memory')) delete entries.memory;
  return entries;
};
export default suite;
