/** Long-running work as the UI sees it: progress, outcome, and a way to cancel (`jobs:status`, `jobs:cancel`). */
import type { AppErrorData } from './errors';

export interface Progress {
  done: number;
  total: number;
  /** An import first reads and checks the file (done/total in bytes), then writes (in rows); a register check walks its events and requests. */
  phase?: 'reading' | 'writing' | 'checking';
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobInfo {
  id: string;
  /** The API method that started it, e.g. `journal:export`. */
  kind: string;
  state: JobState;
  progress: Progress | null;
  startedAt: string;
  finishedAt: string | null;
  /** The service's result once `done` (an export's file, an import's report). */
  result: unknown;
  error: AppErrorData | null;
}
