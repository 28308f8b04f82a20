/**
 * A worker thread that runs one long job (an import, a journal or report export) on its own
 * connection to the register, so the thread that answers calls — the web shell's HTTP API, the
 * Electron service host's — keeps answering while it runs. Its register is already owned (by the
 * web shell, or by Electron's main for its service host), so it takes no lock of its own; it only opens
 * the register as every connection does (`openDb`, through `openSqlite`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { openDb } from '../db/open';
import { useNativeBinding } from '../db/sqlite';
import { CancelledError } from '../services/jobs';
import { WORKER_JOBS } from './jobKinds';
import type { WorkerJobData, WorkerMessage } from './jobThread';
import { workerSideOfGate } from './writeGate';

const data = workerData as WorkerJobData;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function main(): Promise<void> {
  useNativeBinding(data.nativeBinding);
  const key = Buffer.from(data.key);
  const db = openDb(data.dbPath, {
    user: data.user,
    // The parent's clock, kept as an offset: a desk started with a fixed "now" imports on that day.
    now: () => new Date(Date.now() + data.clockOffsetMs),
    // The key the parent already holds, wherever it keeps it (a file, the OS keychain).
    keyStore: { load: () => key, save: () => undefined, describe: () => 'ключ відкритого реєстру' },
  });
  const flag = new Int32Array(data.cancel);
  const cancelled = () => Atomics.load(flag, 0) === 1;
  const abort = new AbortController();
  // Exports look at an AbortSignal between their chunks; the shared flag is read every 50 ms.
  const poll = setInterval(() => cancelled() && abort.abort(), 50);
  try {
    const result = await WORKER_JOBS[data.kind](db, data.input, {
      signal: abort.signal,
      cancelled,
      onProgress: (progress) => post({ type: 'progress', progress }),
      writeGate: workerSideOfGate(data.gate),
    });
    post({ type: 'done', result });
  } catch (e) {
    if (e instanceof CancelledError || cancelled()) post({ type: 'cancelled' });
    else post({ type: 'failed', error: e instanceof AppError ? e.toData() : { kind: 'internal', message: `Внутрішня помилка: ${(e as Error)?.message ?? String(e)}` }, code: (e as { code?: string })?.code });
  } finally {
    clearInterval(poll);
    if (db.sqlite.open) db.sqlite.close();
  }
}

void main().catch((e: unknown) => post({ type: 'failed', error: e instanceof AppError ? e.toData() : { kind: 'internal', message: `Внутрішня помилка: ${(e as Error)?.message ?? String(e)}` }, code: (e as { code?: string })?.code }));
