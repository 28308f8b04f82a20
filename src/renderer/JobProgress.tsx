/** A job's progress bar with «Скасувати», and what became of it: the caller renders a done job's result. */
import type { ReactNode } from 'react';
import type { JobInfo } from '../shared/jobs';
import { ErrorAlert } from './Fields';
import type { JobHandle } from './useJob';

/** An import reads and checks the file first (measured in bytes, shown in per cent), then writes its rows. */
function progressText(job: JobInfo): string {
  const p = job.progress;
  if (!p) return 'Підготовка…';
  if (p.phase === 'reading') return `Перевірка файлу: ${p.total ? Math.floor((p.done / p.total) * 100) : 0} %`;
  if (p.phase === 'writing') return `Записано ${p.done.toLocaleString('uk-UA')} з ${p.total.toLocaleString('uk-UA')}`;
  if (p.phase === 'checking') return `Перевірено записів: ${p.done.toLocaleString('uk-UA')} з ${p.total.toLocaleString('uk-UA')}`;
  return `${p.done} з ${p.total}`;
}

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
          {progressText(job)}
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
