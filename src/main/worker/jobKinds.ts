/** The long jobs that run in a worker with its own connection (src/main/worker/jobWorker.ts). */
import type { Db } from '../db/open';
import { previewImport, runImport } from '../services/import';
import type { JobControl } from '../services/jobs';
import { exportJournal } from '../services/journal';
import { exportReport } from '../services/reports';

export const WORKER_JOBS = {
  'import:preview': previewImport,
  'import:run': runImport,
  'journal:export': exportJournal,
  'reports:export': exportReport,
} satisfies Record<string, (db: Db, input: unknown, ctl: JobControl) => Promise<unknown>>;

export type WorkerJobKind = keyof typeof WORKER_JOBS;
