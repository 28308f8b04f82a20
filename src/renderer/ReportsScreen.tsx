/**
 * «Журнали й звіти»: the month's registration journal, the statistics report, the open-data set
 * and the import of old journals — the end-of-month work, on one screen. The export folder is
 * asked for once here, so each export proposes a file in it.
 */
import { useEffect, useRef } from 'react';
import { ErrorAlert } from './Fields';
import { ImportPanel } from './ImportPanel';
import { JournalExport } from './JournalExport';
import { OpenDataPanel } from './OpenDataPanel';
import { StatisticsPanel } from './StatisticsPanel';
import { useApi } from './useApi';

export function ReportsScreen() {
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headRef.current?.focus(), []);
  const folder = useApi('files:exportFolder', undefined, []);
  const f = folder.data?.folder;
  return (
    <div className="reports">
      <div className="screen-head">
        <h1 className="screen-title" tabIndex={-1} ref={headRef}>
          Журнали й звіти
        </h1>
        {f ? (
          <span className="muted">
            Папка експорту: <code>{f}</code>
          </span>
        ) : null}
      </div>
      {folder.error ? <ErrorAlert lines={[folder.error.message]} /> : null}
      <div className="reports-grid">
        <JournalExport folder={f} />
        <OpenDataPanel always />
      </div>
      <StatisticsPanel folder={f} />
      <ImportPanel />
    </div>
  );
}
