/**
 * The one guard every writer passes before it writes a file: CLI `--out`, `documents:make`,
 * journals, reports, open data, backup. It refuses a path that names a register or one of its
 * companion files (a CSV written over `desk.sqlite` would destroy the register), anything that
 * exists and is not a regular file (`/dev/full`, `/proc/...`, a folder), and a folder that cannot
 * be created — at once, with the reason, never by retrying.
 */
import { accessSync, constants, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';

/** The files that belong to a register: losing or overwriting any of them loses registrations. */
export const REGISTER_COMPANIONS = ['', '-wal', '-shm', '-journal', '.key', '.lock'] as const;

const registers = new Set<string>();

/** Called by `openDb`: every register this process has opened is protected from its writers. */
export function protectRegister(path: string): void {
  registers.add(resolve(path));
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'немає прав на запис';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'частина шляху є файлом, а не папкою';
  if (code === 'ENOSPC') return 'недостатньо місця на диску';
  if (code === 'EISDIR') return 'за цим шляхом уже є папка';
  if (code === 'ENOENT') return 'шлях не існує';
  return (e as Error).message;
}

/** The path with its folder's symlinks resolved, so `./x/../desk.sqlite` and a linked folder both compare equal. */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/** Null when nothing is there or the path cannot be looked at (ENOTDIR, EACCES): the write will say why. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

const sameFile = (a: string, b: string): boolean => {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
};

/** Refuses a target that is a register's file (by name or, for hard links, by identity). */
export function refuseRegisterTarget(target: string, extra: readonly string[] = [], includeOpened = true): void {
  const t = canonical(target);
  for (const reg of [...(includeOpened ? registers : []), ...extra.map((p) => resolve(p))]) {
    for (const suffix of REGISTER_COMPANIONS) {
      const f = `${reg}${suffix}`;
      if (canonical(f) === t || sameFile(f, t))
        throw new AppError('invalid_input', `Не можна записати у «${target}»: це файл реєстру${suffix ? ` (${suffix})` : ''}. Вкажіть інший файл.`);
    }
  }
}

/**
 * mkdir -p one level at a time. Node's own recursive mkdir never returns on some paths it cannot
 * create (under /proc it loops forever); here each level either exists as a folder, is created,
 * or the first failure is the answer.
 */
export function makeFolders(abs: string): void {
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    const st = statOrNull(p);
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const m of missing) mkdirSync(m);
}

/** Creates the folder if needed and checks it can be written; fails at once with a reason a clerk understands. */
export function ensureWritableDir(dir: string): string {
  const abs = resolve(dir);
  const st = statOrNull(abs);
  if (st && !st.isDirectory()) throw new AppError('invalid_input', `Не вдалося записати в папку «${abs}»: частина шляху є файлом, а не папкою`);
  try {
    makeFolders(abs);
    accessSync(abs, constants.W_OK);
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося записати в папку «${abs}»: ${reason(e)}`);
  }
  refuseRegisterTarget(abs);
  return abs;
}

/**
 * Checks an output file path and prepares its folder. `extra`: registers to protect besides those
 * this process opened (e.g. a restore's target). Returns the absolute path.
 */
export function guardOutputFile(out: string, extra: readonly string[] = []): string {
  if (typeof out !== 'string' || out.trim() === '') throw new AppError('invalid_input', 'Не вказано файл для запису');
  const target = resolve(out);
  refuseRegisterTarget(target, extra);
  const st = statOrNull(target);
  if (st?.isDirectory()) throw new AppError('invalid_input', `«${target}» — це папка. Вкажіть ім'я файлу в ній.`);
  if (st && !st.isFile()) throw new AppError('invalid_input', `«${target}» не є звичайним файлом (пристрій, канал чи сокет); туди не пишемо.`);
  ensureWritableDir(dirname(target));
  return target;
}

export { reason as fileErrorReason };
