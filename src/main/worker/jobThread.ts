/**
 * The window's side of a job run in a worker thread (jobWorker.ts): starts it with what it needs
 * to open the same register as the same owner, relays its progress, passes «Скасувати» through a
 * shared flag (seen by the worker between rows even inside its write transaction), and turns its
 * outcome back into a result or an error. In Electron the service host (a utility process that
 * owns the register's connection, electron/serviceHost.ts) starts the same worker.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorData } from '../../shared/errors';
import type { Progress } from '../../shared/jobs';
import type { Db } from '../db/open';
import { nativeBindingInUse } from '../db/sqlite';
import { CancelledError, type JobControl } from '../services/jobs';
import { WORKER_JOBS, type WorkerJobKind } from './jobKinds';
import { gateOf } from './writeGate';

export interface WorkerJobData {
  kind: WorkerJobKind;
  input: unknown;
  dbPath: string;
  user: string;
  clockOffsetMs: number;
  key: Uint8Array;
  nativeBinding: string | undefined;
  /** The register's write gate (writeGate.ts). */
  gate: SharedArrayBuffer;
  /** One Int32: 1 once the clerk has cancelled. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: AppErrorData; code?: string };

const WORKER_FILE = 'jobWorker.mjs';

/**
 * The bundled worker beside the running bundle: dist/ for the CLI and the web shell, dist/ above
 * dist/electron/ for Electron, and the project's dist/ when the sources run under the tests. Null
 * when nothing is built (then jobs run in-process). In the packaged app it is read from inside the
 * asar archive, with the chunks and packages it imports: Electron sets up asar reading in worker
 * threads too (electron/electron#33216). Unpacked alone, it would import chunks that are not
 * beside it.
 */
export function workerFile(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, WORKER_FILE), join(here, '..', WORKER_FILE), join(here, '..', '..', '..', 'dist', WORKER_FILE)];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Codes of a worker whose script or one of its imports could not be loaded: none of its code ran. */
const LOAD_FAILURES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND', 'ERR_WORKER_PATH', 'ERR_UNKNOWN_FILE_EXTENSION', 'ENOENT']);
const failedToLoad = (e: unknown): boolean => LOAD_FAILURES.has((e as { code?: string } | null)?.code ?? '');

export function runInWorker(db: Db, kind: WorkerJobKind, input: unknown, ctl: JobControl, file: string): Promise<unknown> {
  const gate = gateOf(db);
  const cancel = new SharedArrayBuffer(4);
  const data: WorkerJobData = {
    kind,
    input,
    dbPath: db.path,
    user: db.user,
    clockOffsetMs: db.now().getTime() - Date.now(),
    key: new Uint8Array(db.key),
    nativeBinding: nativeBindingInUse(),
    gate: gate.buffer,
    cancel,
  };
  const worker = new Worker(file, { workerData: data });
  const onAbort = () => {
    Atomics.store(new Int32Array(cancel), 0, 1);
  };
  if (ctl.signal?.aborted) onAbort();
  ctl.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((ok, fail) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      ctl.signal?.removeEventListener('abort', onAbort);
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') ctl.onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => ok(m.result));
      else if (m.type === 'cancelled') settle(() => fail(new CancelledError()));
      else
        settle(() =>
          // An unexpected failure keeps its code, so SQLITE_FULL and the like are told in words.
          fail(m.error.kind === 'internal' && m.code ? Object.assign(new Error(m.error.message), { code: m.code }) : new AppError(m.error.kind, m.error.message, m.error.fields)),
        );
    });
    worker.on('error', (e) => settle(() => fail(e)));
    worker.on('exit', (code) => {
      // A worker that died inside its write: SQLite rolled the transaction back; free the gate.
      gate.releaseDeadWorker();
      settle(() => fail(new AppError('internal', `Внутрішня помилка: фонове завдання завершилося (код ${code})`)));
    });
  });
}

/**
 * How the API runs its long jobs: in a worker when the bundle has one (always, once built), else
 * in-process (the sources under the tests before a build): the same services, one synchronous
 * write transaction on the shared connection. A worker that cannot load (a packaging fault: a
 * chunk or package it imports is missing where it runs) has run none of its code, so the job is
 * run in-process instead, and so are the later ones: the clerk's export still gets written.
 */
export function jobRunner(db: Db, file = process.env.REGISTRY_DESK_JOBS_IN_PROCESS === '1' ? null : workerFile()): (kind: WorkerJobKind, input: unknown, ctl: JobControl) => Promise<unknown> {
  let worker = file;
  return async (kind, input, ctl) => {
    if (worker) {
      try {
        return await runInWorker(db, kind, input, ctl, worker);
      } catch (e) {
        if (!failedToLoad(e)) throw e;
        console.error(`Фонове завдання не завантажилося (${worker}): ${(e as Error).message}. Довгі завдання виконуються в основному процесі.`);
        worker = null;
      }
    }
    return WORKER_JOBS[kind](db, input, ctl);
  };
}
