/**
 * «Перевірити реєстр» on the big register: how long the whole check takes next to the raw engine
 * reading the same rows (every event in order, every request with its events), and the peak memory
 * of a process that runs it (in a child, so this process's heap does not count).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb } from '../../src/main/db/open';
import { verifyRegister } from '../../src/main/services/verify';
import { alone, vsRaw, type Suite } from './harness';
import { BENCH_NOW, demoRegisterCopy } from './fixture';
import { projectRoot } from './process';

/** The raw twin: the rows verify reads, read by better-sqlite3 alone, with no hashing or folding. */
function rawRead(file: string): number {
  const db = openDb(file, { now: () => BENCH_NOW });
  const t0 = performance.now();
  let n = 0;
  for (const _ of db.sqlite.prepare('SELECT * FROM events ORDER BY pos').iterate()) n++;
  const byRequest = db.sqlite.prepare('SELECT * FROM events WHERE request_id = ? ORDER BY pos');
  for (const r of db.sqlite.prepare('SELECT id FROM requests ORDER BY year, seq').iterate() as IterableIterator<{ id: string }>) n += byRequest.all(r.id).length;
  const ms = performance.now() - t0;
  db.sqlite.close();
  if (n === 0) throw new Error('bench: the register is empty');
  return ms;
}

/** `--verify-child FILE`: open, verify, report the time and peak RSS. */
export function verifyChild(file: string): void {
  const db = openDb(file, { now: () => BENCH_NOW });
  const t0 = performance.now();
  const report = verifyRegister(db);
  const ms = performance.now() - t0;
  db.sqlite.close();
  if (!report.ok) throw new Error(`bench: the demo register fails verify: ${report.findings.join('; ')}`);
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

const suite: Suite = async ({ size, log }) => {
  const file = demoRegisterCopy(size, log);
  try {
    const r = spawnSync(process.execPath, [process.argv[1]!, '--verify-child', file], { cwd: projectRoot(), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: verify child failed: ${r.stderr}`);
    const child = JSON.parse(r.stdout) as { ms: number; maxRssMB: number };
    const raw = rawRead(file);
    return {
      verify: vsRaw(`«Перевірити реєстр» on ${size} requests (chain, seals, every request folded again, numbers), vs reading the same rows bare`, child.ms, raw, '< 60 s', { below: 60_000 }),
      verify_memory: alone(`peak RSS of a process that verified the ${size} register`, child.maxRssMB, '< 300 MB', 300, 'MB'),
    };
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
};
export default suite;
