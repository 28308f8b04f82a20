/**
 * Backup and restore of a desk's register. A backup is a consistent SQLite copy taken with the
 * online backup API (the desk may keep working meanwhile), with the register's chain key beside
 * it. A restore runs the full `verify` on the copy before it touches anything, then, holding the
 * register's owner lock and SQLite's exclusive lock (proof that no other process has the file
 * open), swaps it in with one atomic rename; the old register is kept under a second name first,
 * so a crash at any step leaves the old register or the new one at the path, never none.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { isRegisterFile, openDb, readHeader, type Db } from '../db/open';
import { describeOwner, currentOwner, takeLock } from '../db/ownerLock';
import { fileKeyStore, keyFileOf, type KeyStore } from '../db/registerKey';
import { guardOutputFile, refuseRegisterTarget } from '../files/outputPath';
import { verifyRegister, type VerifyReport } from './verify';

const fsyncPath = (f: string, flags = 'r+') => {
  const fd = openSync(f, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** The folder's entry for a renamed file reaches the disk only when the folder itself is synced. */
const fsyncDir = (dir: string) => {
  try {
    fsyncPath(dir, 'r');
  } catch {
    /* Windows cannot open a folder; its renames are durable on return */
  }
};

const memoryKey = (key: Buffer, where: string): KeyStore => ({ load: () => key, save: () => undefined, describe: () => where });

export async function backupRegister(db: Db, out: string): Promise<{ path: string; requests: number; events: number }> {
  if (typeof out === 'string' && existsSync(out) && statSync(out).isDirectory())
    throw new AppError('invalid_input', `«${resolve(out)}» — це папка. Вкажіть ім'я файлу резервної копії, напр. ${join(out, 'registry-backup.sqlite')}`);
  const target = guardOutputFile(out, [db.path]);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await db.sqlite.backup(tmp);
    const check = checkBackupFile(tmp, db.key);
    if (!check.ok) throw new AppError('io', `Резервна копія вийшла пошкодженою: ${check.findings.join('; ')}`);
    fsyncPath(tmp);
    renameSync(tmp, target);
    // The key travels with the copy: without it a restore on another machine could not check the seals.
    guardOutputFile(keyFileOf(target), [db.path]);
    rmSync(keyFileOf(target), { force: true });
    fileKeyStore(target).save(db.key);
    fsyncDir(dirname(target));
    return { path: target, requests: check.requests, events: check.events };
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('io', `Не вдалося записати резервну копію ${target}: ${(e as Error).message}. Перевірте, чи папка існує і доступна для запису.`);
  }
}

/**
 * Opens a copy of the file (never the file itself) and runs every check of `verify` on it with
 * the given chain key. A file that is not a register is reported, not opened for writing.
 */
export function checkBackupFile(file: string, key: Buffer): VerifyReport {
  if (!existsSync(file)) throw new AppError('invalid_input', `Файл резервної копії ${file} не знайдено`);
  if (!statSync(file).isFile()) throw new AppError('invalid_input', `${file} не є файлом резервної копії`);
  if (!readHeader(file).toString('latin1').startsWith('SQLite format 3')) return { ok: false, requests: 0, events: 0, findings: ['Файл не є базою SQLite'] };
  // An empty or foreign SQLite file would open as a fresh, empty register: not a backup.
  if (!isRegisterFile(file)) return { ok: false, requests: 0, events: 0, findings: ['Файл не є реєстром Registry Desk'] };
  const scratch = join(dirname(resolve(file)), `.${basename(file)}.check-${process.pid}`);
  copyFileSync(file, scratch);
  try {
    const db = openDb(scratch, { user: 'restore-check', keyStore: memoryKey(key, 'ключ реєстру') });
    try {
      return verifyRegister(db);
    } finally {
      db.sqlite.close();
    }
  } catch (e) {
    return { ok: false, requests: 0, events: 0, findings: [e instanceof Error ? e.message : String(e)] };
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`, `${scratch}-journal`]) rmSync(f, { force: true });
  }
}

/** Which key the backup was sealed with: the register's own, or (another machine's copy) the one beside the backup. */
function chooseKey(target: string, from: string): { key: Buffer | null; check: VerifyReport; fromBackup: boolean } {
  const own = existsSync(keyFileOf(target)) ? fileKeyStore(target).load() : null;
  const beside = existsSync(keyFileOf(from)) ? fileKeyStore(from).load() : null;
  let first: VerifyReport | null = null;
  for (const [key, fromBackup] of [[own, false], [beside, true]] as const) {
    if (!key) continue;
    const check = checkBackupFile(from, key);
    if (check.ok) return { key, check, fromBackup };
    first ??= check;
  }
  if (!first) return { key: null, check: { ok: false, requests: 0, events: 0, findings: [`Немає ключа, яким запечатано журнал подій (${keyFileOf(from)})`] }, fromBackup: false };
  return { key: null, check: first, fromBackup: false };
}

/**
 * Takes SQLite's exclusive lock on the live register and keeps it: switching out of WAL succeeds
 * only when no other connection (in any process) has the file open, and in exclusive locking mode
 * the lock is held until close. The WAL is folded into the file on the way, so the kept copy is whole.
 */
function lockLiveRegister(target: string): Database.Database {
  // A CLI command keeps the register open for milliseconds: wait a little for a moment between two.
  const until = Date.now() + 3000;
  for (;;) {
    try {
      return tryLockLiveRegister(target);
    } catch (e) {
      if (!(e instanceof AppError && e.kind === 'conflict') || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 15);
    }
  }
}

function tryLockLiveRegister(target: string): Database.Database {
  const live = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    live.pragma('locking_mode = EXCLUSIVE');
    // MEMORY, not DELETE: no -journal file is left beside the path the new register will take.
    live.pragma('journal_mode = MEMORY');
    live.prepare('SELECT count(*) FROM sqlite_master').get();
    return live;
  } catch (e) {
    live.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      const owner = currentOwner(target);
      throw new AppError('conflict', `Реєстр ${target} відкрито в іншій програмі${owner ? `: ${describeOwner(owner)}` : ''}. Закрийте її і повторіть відновлення; реєстр не змінено.`);
    }
    throw e;
  }
}

/**
 * Crash tests stop a real restore between its steps (REGISTRY_DESK_CRASH_AT names the step) and
 * SIGKILL it there; in normal use the variable is never set and this does nothing.
 */
function stepDone(step: 'checked' | 'locked' | 'linked' | 'renamed'): void {
  if (process.env.REGISTRY_DESK_CRASH_AT !== step) return;
  process.stderr.write(`restore-step:${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}

/** Replaces the register at `dbFile` with the verified backup; the old register is kept beside it. */
export function restoreRegister(dbFile: string, from: string): { restored: string; previous: string | null; requests: number } {
  const target = resolve(dbFile);
  const source = resolve(from);
  if (!existsSync(source)) throw new AppError('invalid_input', `Файл резервної копії ${source} не знайдено`);
  try {
    refuseRegisterTarget(source, [target], false);
  } catch {
    throw new AppError('invalid_input', 'Резервна копія не може бути самим реєстром або його файлом: вкажіть файл копії');
  }
  const lock = takeLock(target, 'restore');
  const tmp = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
  let live: Database.Database | null = null;
  try {
    copyFileSync(source, tmp);
    fsyncPath(tmp);
    const { key, check, fromBackup } = chooseKey(target, copyKeyBeside(source, tmp));
    if (!key || !check.ok) throw new AppError('invalid_input', `Резервна копія пошкоджена або не є реєстром, реєстр залишено без змін: ${check.findings.join('; ')}`);
    stepDone('checked');
    let previous: string | null = null;
    if (existsSync(target)) {
      live = lockLiveRegister(target);
      stepDone('locked');
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      // A second name for the old register first: after this, whichever step a crash interrupts,
      // the path holds the old register or the new one.
      linkSync(target, previous);
      if (existsSync(keyFileOf(target))) copyFileSync(keyFileOf(target), keyFileOf(previous));
      stepDone('linked');
    }
    if (fromBackup || !existsSync(keyFileOf(target))) {
      rmSync(keyFileOf(target), { force: true });
      fileKeyStore(target).save(key);
    }
    renameSync(tmp, target);
    fsyncDir(dirname(target));
    stepDone('renamed');
    return { restored: target, previous, requests: check.requests };
  } finally {
    live?.close();
    rmSync(tmp, { force: true });
    rmSync(keyFileOf(tmp), { force: true });
    lock.release();
  }
}

function copyKeyBeside(source: string, tmp: string): string {
  if (existsSync(keyFileOf(source))) copyFileSync(keyFileOf(source), keyFileOf(tmp));
  return tmp;
}
