/**
 * Exports are written to a temporary file beside the target and renamed into place, so a
 * cancelled or failed export never leaves a half-written journal where the clerk expects one.
 */
import { renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { throwIfCancelled } from '../services/jobs';
import { ensureWritableDir, fileErrorReason as reason, guardOutputFile } from '../files/outputPath';

/** Kept here for the writers that import it; the guard lives in files/outputPath. */
export { ensureWritableDir };

/** Runs `write` into a temporary file and moves it to `out` only when it finished and was not cancelled. */
export async function writeAtomically<T>(out: string, write: (tmp: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  // Every writer passes the one guard: never a register's file, never a device, a folder made or refused at once.
  const target = guardOutputFile(out);
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
