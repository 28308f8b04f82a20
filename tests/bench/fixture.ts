/**
 * The bench's big registers, made once by the demo generator and kept in the temp folder between
 * runs (100,000 requests through the real services take a while). A copy is handed out for each
 * use, so no measurement changes the cached one. `--fresh` (or deleting the folder) makes them anew.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder, openDb } from '../../src/main/db/open';
import { keyFileOf } from '../../src/main/db/registerKey';
import { generateRegister } from '../../src/main/demo/generate';
import { tempDir } from '../helpers/tempDb';

/** The register's clock for every bench run: the generated history ends here. */
export const BENCH_NOW = new Date('2026-11-20T17:00:00+02:00');
/** Bump when the generator changes what it writes. */
const GENERATOR_VERSION = 1;

const cacheRoot = () => join(tmpdir(), 'registry-desk-bench');

/** A fresh copy of the cached register of `n` requests (made on first use); returns its path. */
export function demoRegisterCopy(n: number, log: (s: string) => void = () => {}, fresh = process.argv.includes('--fresh')): string {
  const migrations = readdirSync(migrationsFolder()).filter((f) => f.endsWith('.sql')).length;
  const dir = join(cacheRoot(), `demo-${n}-v${GENERATOR_VERSION}-m${migrations}`);
  const file = join(dir, 'register.sqlite');
  if (fresh) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    const building = `${dir}.building-${process.pid}`;
    mkdirSync(building, { recursive: true });
    const db = openDb(join(building, 'register.sqlite'), { now: () => BENCH_NOW, user: 'bench' });
    const t0 = performance.now();
    generateRegister(db, { requests: n, seed: 1, batch: 1000, onBatch: (done) => done % 10_000 === 0 && log(`  generating ${done}/${n}…`) });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    log(`  generated ${n} requests in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    writeFileSync(join(building, 'done'), '');
    renameSync(building, dir);
  }
  const copy = join(tempDir('rd-bench-copy-'), 'register.sqlite');
  copyFileSync(file, copy);
  copyFileSync(keyFileOf(file), keyFileOf(copy));
  return copy;
}
