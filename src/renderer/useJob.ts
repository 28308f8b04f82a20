/**
 * A long export or import as the screen sees it: started by one call that answers with a job at
 * once, then followed by polling `jobs:status` every 300 ms until it is done, failed or cancelled.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, Result } from '../shared/errors';
import type { JobInfo } from '../shared/jobs';
import { api } from './api';

const POLL_MS = 300;

export interface JobHandle {
  job: JobInfo | null;
  /** A failure to start (bad input) or to follow the job. */
  error: AppErrorData | null;
  running: boolean;
  start: (call: Promise<Result<JobInfo>>) => Promise<void>;
  cancel: () => void;
  reset: () => void;
  /** Follows a job started earlier (a screen left and opened again while it ran). */
  adopt: (job: JobInfo) => void;
}

export function useJob(): JobHandle {
  const [job, setJob] = useState<JobInfo | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const timer = useRef<number | undefined>(undefined);
  // A screen left mid-job stops polling; the job itself runs on (or was cancelled by the clerk).
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = useCallback((id: string) => {
    timer.current = window.setTimeout(async () => {
      const r = await api.call('jobs:status', { id });
      if (!r.ok) return setError(r.error);
      const j = r.value[0]!;
      setJob(j);
      if (j.state === 'running') follow(id);
    }, POLL_MS);
  }, []);

  const start = useCallback(
    async (call: Promise<Result<JobInfo>>) => {
      window.clearTimeout(timer.current);
      setError(null);
      setJob(null);
      const r = await call;
      if (!r.ok) return setError(r.error);
      setJob(r.value);
      if (r.value.state === 'running') follow(r.value.id);
    },
    [follow],
  );

  const cancel = useCallback(() => {
    if (job?.state === 'running') void api.call('jobs:cancel', { id: job.id });
  }, [job]);

  const reset = useCallback(() => {
    window.clearTimeout(timer.current);
    setJob(null);
    setError(null);
  }, []);

  const adopt = useCallback(
    (j: JobInfo) => {
      window.clearTimeout(timer.current);
      setError(null);
      setJob(j);
      if (j.state === 'running') follow(j.id);
    },
    [follow],
  );

  return { job, error, running: job?.state === 'running', start, cancel, reset, adopt };
}
