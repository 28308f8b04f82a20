/**
 * Exports are written to a temporary file beside the target and renamed into place, so a
 * cancelled or failed export never leaves a half-written journal where the clerk expects one.
 */
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { throwIfCancelled } from '../services/jobs';

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'немає прав на запис';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'частина шляху є файлом, а не папкою';
  if (code === 'ENOSPC') return 'недостатньо місця на диску';
  if (code === 'EISDIR') return 'за цим шляхом уже є папка';
  return (e as Error).message;
}

/** Creates the folder if needed and checks it can be written, with a message a clerk understands. */
export function ensureWritableDir(dir: string): string {
  const abs = resolve(dir);
  try {
    mkdirSync(abs, { recursive: true });
    accessSync(abs, constants.W_OK);
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося записати в папку «${abs}»: ${reason(e)}`);
  }
  return abs;
}

/** Runs `write` into a temporary file and moves it to `out` only when it finished and was not cancelled. */
export async function writeAtomically<T>(out: string, write: (tmp: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const target = resolve(out);
  ensureWritableDir(dirname(target));
  const tmp = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    const result = await write(tmp);
    throwIfCancelled(signal);
    renameSync(tmp, target);
    return result;
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code) throw new AppError('invalid_input', `Не вдалося записати файл «${target}»: ${reason(e)}`);
    throw e;
  }
}
