/**
 * Backup and restore of a desk's register. A backup is a consistent SQLite copy taken with the
 * online backup API (the desk may keep working meanwhile); a restore checks the copy first and
 * swaps it in with a rename, so a damaged backup can never replace a good register.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { openDb, type Db } from '../db/open';
import { holdRestored } from '../sync/identity';
import { verifyRegister, type VerifyReport } from './verify';

const fsyncFile = (f: string) => {
  const fd = openSync(f, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export async function backupRegister(db: Db, out: string): Promise<{ path: string; requests: number; events: number }> {
  const target = resolve(out);
  if (target === db.path) throw new AppError('invalid_input', 'Резервна копія не може замінити сам реєстр: вкажіть інший файл');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await db.sqlite.backup(tmp);
    const check = checkBackupFile(tmp);
    if (!check.ok) throw new AppError('io', `Резервна копія вийшла пошкодженою: ${check.findings.join('; ')}`);
    fsyncFile(tmp);
    renameSync(tmp, target);
    return { path: target, requests: check.requests, events: check.events };
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('io', `Не вдалося записати резервну копію ${target}: ${(e as Error).message}. Перевірте, чи папка існує і доступна для запису.`);
  }
}

/** Opens a copy of the file (never the file itself) and runs every check of `verify` on it. */
export function checkBackupFile(file: string): VerifyReport {
  if (!existsSync(file)) throw new AppError('invalid_input', `Файл резервної копії ${file} не знайдено`);
  if (!readHeader(file).startsWith('SQLite format 3')) return { ok: false, requests: 0, events: 0, findings: ['Файл не є базою SQLite'] };
  const scratch = `${file}.check-${process.pid}`;
  copyFileSync(file, scratch);
  try {
    const db = openDb(scratch, { user: 'restore-check' });
    try {
      return verifyRegister(db);
    } finally {
      db.sqlite.close();
    }
  } catch (e) {
    return { ok: false, requests: 0, events: 0, findings: [e instanceof Error ? e.message : String(e)] };
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  }
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Replaces the register at `dbFile` with the verified backup; the old register is kept beside it. */
export function restoreRegister(dbFile: string, from: string): { restored: string; previous: string | null; requests: number } {
  const check = checkBackupFile(from);
  if (!check.ok) throw new AppError('invalid_input', `Резервна копія пошкоджена, реєстр залишено без змін: ${check.findings.join('; ')}`);
  const target = resolve(dbFile);
  const tmp = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
  copyFileSync(from, tmp);
  // A desk of the shared register stops numbering until a sync has brought back what it gave since the backup.
  const restored = new Database(tmp);
  try {
    holdRestored(restored);
  } finally {
    restored.close();
  }
  fsyncFile(tmp);
  let previous: string | null = null;
  if (existsSync(target)) {
    // Fold the WAL into the old file first, so the kept copy is whole on its own.
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, previous);
    for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  }
  renameSync(tmp, target);
  return { restored: target, previous, requests: check.requests };
}
