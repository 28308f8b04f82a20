/** A job's progress bar with «Скасувати», and what became of it: the caller renders a done job's result. */
import type { ReactNode } from 'react';
import type { JobInfo } from '../shared/jobs';
import { ErrorAlert } from './Fields';
import type { JobHandle } from './useJob';

export function JobProgress({ handle, label, done }: { handle: JobHandle; label: string; done: (job: JobInfo) => ReactNode }) {
  const { job, error } = handle;
  if (error) return <ErrorAlert lines={[error.message]} />;
  if (!job) return null;
  if (job.state === 'running') {
    const p = job.progress;
    const pct = p && p.total ? Math.round((p.done / p.total) * 100) : null;
    return (
      <div className="job" role="group" aria-label={label}>
        <progress max={100} value={pct ?? undefined} aria-label={label} />
        <span className="muted" role="status">
          {p ? `${p.done} з ${p.total}` : 'Підготовка…'}
        </span>
        <button type="button" onClick={handle.cancel}>
          Скасувати
        </button>
      </div>
    );
  }
  if (job.state === 'cancelled') return <p role="status" className="muted">Скасовано; нічого не записано.</p>;
  if (job.state === 'failed') return <ErrorAlert lines={[job.error?.message ?? 'Не вдалося виконати.']} />;
  return <div role="status">{done(job)}</div>;
}
