/**
 * Who owns a register file. The app and the web shell hold `<register>.lock` for as long as they
 * run; `restore` holds it while it swaps the file. A second owner or a restore refuses while a
 * live process holds it, naming that process. Plain opens (CLI commands beside a running shell)
 * only refuse while a restore holds it. A lock left by a dead process on this host is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { AppError } from '../../shared/errors';

export type OwnerKind = 'app' | 'web' | 'restore';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  kind: OwnerKind;
}

export const lockFileOf = (dbPath: string): string => `${dbPath}.lock`;

const KIND_LABEL: Record<OwnerKind, string> = { app: 'програма Registry Desk', web: 'веб-оболонка Registry Desk', restore: 'відновлення з резервної копії' };

export function describeOwner(l: LockInfo): string {
  return `${KIND_LABEL[l.kind] ?? l.kind} (процес ${l.pid} на комп'ютері ${l.host}, з ${l.since})`;
}

/** Whether the process a lock or marker names still runs (another host's is taken as running). */
export function alive(l: { pid: number; host: string }): boolean {
  if (l.host !== hostname()) return true; // another machine's process cannot be checked from here
  if (l.pid === process.pid) return true;
  try {
    process.kill(l.pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** The live holder of the lock, or null (a stale lock is removed). */
export function currentOwner(dbPath: string): LockInfo | null {
  const file = lockFileOf(dbPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let info: LockInfo;
  try {
    info = JSON.parse(text) as LockInfo;
  } catch {
    // Written half-way by a process that died between open and write: nobody holds it.
    rmSync(file, { force: true });
    return null;
  }
  if (alive(info)) return info;
  rmSync(file, { force: true });
  return null;
}

export interface HeldLock {
  info: LockInfo;
  release(): void;
}

/** Takes the lock or refuses with who holds it. */
export function takeLock(dbPath: string, kind: OwnerKind): HeldLock {
  const file = lockFileOf(dbPath);
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), kind };
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner = currentOwner(dbPath);
    if (owner && !(owner.pid === process.pid && owner.host === info.host))
      throw new AppError('conflict', `Реєстр ${dbPath} зараз використовує ${describeOwner(owner)}. Закрийте її і повторіть.`);
    let fd: number;
    try {
      fd = openSync(file, 'wx'); // O_EXCL: of two processes racing, exactly one creates it
    } catch (e) {
      if ((e as { code?: string }).code === 'EEXIST') continue;
      throw new AppError('io', `Не вдалося створити файл блокування ${file}: ${(e as Error).message}`);
    }
    try {
      writeSync(fd, JSON.stringify(info));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      info,
      release() {
        if (released) return;
        released = true;
        const now = currentOwner(dbPath);
        if (now && now.pid === info.pid && now.host === info.host && now.since === info.since) rmSync(file, { force: true });
      },
    };
  }
  throw new AppError('conflict', `Реєстр ${dbPath} зайнятий іншим процесом. Спробуйте ще раз.`);
}

/** A plain open refuses only while a restore swaps the file. */
export function refuseDuringRestore(dbPath: string): void {
  const owner = currentOwner(dbPath);
  if (owner?.kind === 'restore' && owner.pid !== process.pid)
    throw new AppError('conflict', `Реєстр ${dbPath} зараз відновлюється з резервної копії: ${describeOwner(owner)}. Спробуйте за хвилину.`);
}
