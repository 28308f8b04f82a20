/**
 * Long-running work (journal and report exports, imports) as jobs the UI can watch and cancel.
 * API calls answer at once with the job; the UI polls `jobs:status` and may call `jobs:cancel`.
 * Services themselves only know `{ onProgress, signal }`, so the CLI and tests call them directly.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { JobInfo, JobState, Progress } from '../../shared/jobs';

export type { JobInfo, Progress };

/** What every long-running service accepts. */
export interface JobControl {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /**
   * A cancel that can be seen inside synchronous work (a worker's flag shared with the window's
   * thread, see src/main/worker): an AbortSignal only changes when the event loop runs.
   */
  cancelled?: () => boolean;
  /** Fences a write phase against the desk's own writes on another connection (src/main/worker/writeGate.ts). */
  writeGate?: { acquire(): Promise<void> | void; release(): void };
}

export const isCancelled = (ctl: JobControl): boolean => !!ctl.signal?.aborted || !!ctl.cancelled?.();

export const CANCELLED_MESSAGE = 'Операцію скасовано; нічого не записано';

/** A cancelled job is a conflict with the caller's own wish: nothing was written, nothing failed. */
export class CancelledError extends AppError {
  constructor() {
    super('conflict', CANCELLED_MESSAGE);
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Lets the event loop run (a cancel click, an IPC message) between chunks of a long job. */
export const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

interface Entry {
  info: JobInfo;
  abort: AbortController;
}

/** How many finished jobs are kept for `jobs:status`; older ones are forgotten. */
const KEEP_FINISHED = 50;

export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  start<T>(kind: string, run: (ctl: Required<Pick<JobControl, 'onProgress' | 'signal'>>) => Promise<T>): JobInfo {
    const abort = new AbortController();
    const info: JobInfo = { id: randomUUID(), kind, state: 'running', progress: null, startedAt: new Date().toISOString(), finishedAt: null, result: null, error: null };
    this.jobs.set(info.id, { info, abort });
    const finish = (state: JobState, patch: Partial<JobInfo>) => {
      Object.assign(info, { state, finishedAt: new Date().toISOString(), ...patch });
      this.prune();
    };
    // Started on the next turn so the caller gets the job's id before any progress happens.
    void yieldToLoop()
      .then(() => run({ onProgress: (p) => void (info.progress = p), signal: abort.signal }))
      .then(
        (result) => finish('done', { result }),
        (e: unknown) => {
          if (e instanceof CancelledError || abort.signal.aborted) finish('cancelled', { error: new CancelledError().toData() });
          else finish('failed', { error: e instanceof AppError ? e.toData() : { kind: 'internal', message: `Внутрішня помилка: ${(e as Error)?.message ?? String(e)}` } });
        },
      );
    return { ...info };
  }

  status(id?: string): JobInfo[] {
    if (id === undefined) return [...this.jobs.values()].map((e) => ({ ...e.info }));
    const e = this.jobs.get(id);
    if (!e) throw new AppError('not_found', 'Завдання не знайдено (можливо, воно давно завершилося)');
    return [{ ...e.info }];
  }

  cancel(id: string): JobInfo {
    const e = this.jobs.get(id);
    if (!e) throw new AppError('not_found', 'Завдання не знайдено (можливо, воно давно завершилося)');
    if (e.info.state === 'running') e.abort.abort();
    return { ...e.info };
  }

  /** Resolves when the job has finished, whatever the outcome (for tests and the CLI). */
  async settled(id: string): Promise<JobInfo> {
    for (;;) {
      const [info] = this.status(id);
      if (info!.state !== 'running') return info!;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.info.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.info.id);
  }
}
