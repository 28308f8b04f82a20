/** The long jobs that run in a worker with its own connection (src/main/worker/jobWorker.ts). */
import type { Db } from '../db/open';
import { previewImport, runImport } from '../services/import';
import type { JobControl } from '../services/jobs';
import { exportJournal } from '../services/journal';
import { exportReport } from '../services/reports';
import { verifyForApp } from '../sync/verifyServer';

export const WORKER_JOBS = {
  'import:preview': previewImport,
  'import:run': runImport,
  'journal:export': exportJournal,
  'reports:export': exportReport,
  // «Перевірити реєстр»: a read of the whole register (half a minute at 100,000 requests) off the thread that answers the desk.
  'register:verify': (db: Db, input: unknown, ctl: JobControl) => verifyForApp(db, (input as { server: string | null }).server, ctl),
} satisfies Record<string, (db: Db, input: unknown, ctl: JobControl) => Promise<unknown>>;

export type WorkerJobKind = keyof typeof WORKER_JOBS;
