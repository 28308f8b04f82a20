/**
 * A request two desks closed differently while apart: both actions stay in the history; a person
 * keeps one here, and that choice is recorded as an event and travels to every desk.
 */
import { useState } from 'react';
import type { RequestView } from '../shared/domain';
import { api } from './api';
import { EVENT_LABEL, eventSummary } from './labels';
import { ErrorAlert } from './Fields';

export function ConflictBanner({ v, onResolved }: { v: RequestView; onResolved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (!v.conflict) return null;
  const competing = v.conflict.events.map((id) => v.events.find((e) => e.id === id)).filter((e) => e !== undefined);
  async function keep(id: string) {
    const r = await api.call('requests:resolveConflict', { index: v.index, year: v.year, keep: id });
    if (r.ok) onResolved();
    else setError(r.error.message);
  }
  return (
    <section className="conflict-banner" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" className="subhead">
        Конфлікт робочих місць
      </h2>
      <p>{v.conflict.message}</p>
      <div className="row wrap">
        {competing.map((e) => (
          <button key={e.id} type="button" onClick={() => void keep(e.id)}>
            Залишити: {EVENT_LABEL[e.type]} — {eventSummary(e)}
          </button>
        ))}
      </div>
      {error ? <ErrorAlert lines={[error]} /> : null}
    </section>
  );
}
