/**
 * The open-data set «Звіт щодо задоволення запитів на інформацію» (Lutsk order, item 3): once a
 * change touches a published month, it must be refreshed within 3 working days. The reminder sits
 * on the Today panel and, small, in the top bar, until the set is published again.
 */
import { useState } from 'react';
import type { OpenDataStatus, PublishResult } from '../shared/openDataStatus';
import { api } from './api';
import { useShell } from './AppContext';
import { ErrorAlert } from './Fields';
import { uaDate, uaDateTime } from './format';
import { joinPath } from './periods';
import { useApi } from './useApi';

export const staleText = (s: OpenDataStatus): string => `Набір відкритих даних застарів: оновити до ${uaDate(s.refreshBy)}`;
/** The top bar has room for a few words only; the Today panel says it in full. */
export const staleBadge = (s: OpenDataStatus): string => `Відкриті дані: оновити до ${uaDate(s.refreshBy)}`;

/** Where to publish: the configured folder, else where it went last time, else «Відкриті дані» in the export folder. */
async function targetFolder(s: OpenDataStatus | undefined): Promise<string | undefined> {
  const set = await api.call('settings:get');
  if (set.ok && set.value.openData.folder) return undefined;
  if (s?.published?.folder) return s.published.folder;
  const f = await api.call('files:exportFolder');
  return f.ok ? joinPath(f.value.folder, 'Відкриті дані') : undefined;
}

export function OpenDataPanel({ always = false }: { always?: boolean }) {
  const { version, changed } = useShell();
  const status = useApi('opendata:status', undefined, [version]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  // On the Today panel only a stale set is worth the space; the reports screen always shows it.
  if (!always && !s?.stale && !result) return null;

  async function publish() {
    setBusy(true);
    setError(null);
    const out = await targetFolder(s);
    const r = await api.call('opendata:publish', out ? { out } : {});
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setResult(r.value);
    changed();
  }

  return (
    <section className={`panel opendata ${s?.stale ? (s.overdue ? 'opendata-overdue' : 'opendata-stale') : ''}`} aria-labelledby="od-title">
      <h2 id="od-title">Відкриті дані</h2>
      {s?.stale ? (
        <div className="warn-box" role="note" data-testid="opendata-stale">
          <strong>{staleText(s)}</strong>
          {s.overdue ? <span className="tag late">строк минув</span> : null}
          <p className="muted">Змінено місяці: {s.changedMonths.join(', ')} (3 робочі дні з першої зміни, п. 3 наказу).</p>
        </div>
      ) : s?.published ? (
        <p>
          Набір актуальний: оприлюднено {uaDateTime(s.published.at)} у папку <code>{s.published.folder}</code>.
        </p>
      ) : s ? (
        <p className="muted">Набір ще не оприлюднювали.</p>
      ) : null}
      {status.error ? <ErrorAlert lines={[status.error.message]} /> : null}
      <div className="form-actions">
        <button type="button" className={s?.stale ? 'primary' : ''} disabled={busy} onClick={() => void publish()}>
          Оновити набір
        </button>
      </div>
      {busy ? <p role="status" className="muted">Запис набору…</p> : null}
      {error ? (
        <div>
          <ErrorAlert lines={[error]} />
          <a href="#/settings">Відкрити налаштування</a>
        </div>
      ) : null}
      {result ? (
        <div role="status" className="file-result" data-testid="opendata-result">
          <p>
            Оприлюднено {uaDateTime(result.publishedAt)}: місяців {result.months}, папка <code>{result.folder}</code>
          </p>
          <ul className="plain">
            {result.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
