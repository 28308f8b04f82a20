/**
 * The official's morning view: what is overdue, what is due today, what falls due within two
 * working days (the register decides which is which on its own clock and calendar).
 */
import { useEffect, useRef } from 'react';
import type { RequestSummary } from '../shared/domain';
import type { Loaded } from './useApi';
import type { ApiResult } from './api';
import { ErrorAlert } from './Fields';
import { uaDateWithWeekday } from './format';
import { SummaryTable } from './SummaryTable';
import { navigate } from './useRoute';
import { OpenDataPanel } from './OpenDataPanel';

export function TodayPanel({ today }: { today: Loaded<ApiResult<'requests:today'>> }) {
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headRef.current?.focus(), []);
  const t = today.data;
  const open = (r: RequestSummary) => navigate({ screen: 'card', id: r.id });
  return (
    <div className="today">
      <div className="screen-head">
        <h1 className="screen-title" tabIndex={-1} ref={headRef}>
          Контроль строків {t ? <span className="muted">на {uaDateWithWeekday(t.today)}</span> : null}
        </h1>
      </div>
      {today.error ? <ErrorAlert lines={[today.error.message]} /> : null}
      <OpenDataPanel />
      {t ? (
        <>
          <TodaySection id="t-overdue" kind="overdue" title="Прострочені" rows={t.overdue} total={t.totals.overdue} empty="Прострочених запитів немає." onOpen={open} />
          <TodaySection id="t-today" kind="today" title="Строк спливає сьогодні" rows={t.dueToday} total={t.totals.dueToday} empty="Сьогодні строк не спливає в жодного запиту." onOpen={open} />
          <TodaySection id="t-soon" kind="soon" title="Строк упродовж 2 робочих днів" rows={t.dueSoon} total={t.totals.dueSoon} empty="Найближчими днями строків немає." onOpen={open} />
        </>
      ) : (
        <p className="muted">Завантаження…</p>
      )}
    </div>
  );
}

function TodaySection({
  id,
  kind,
  title,
  rows,
  total,
  empty,
  onOpen,
}: {
  id: string;
  kind: string;
  title: string;
  rows: RequestSummary[];
  /** All of the group; the panel carries the first rows (the journal's filter shows the rest). */
  total: number;
  empty: string;
  onOpen: (r: RequestSummary) => void;
}) {
  return (
    <section className={`panel today-section today-${kind}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className={`count-pill pill-${kind}`}>{total}</span>
      </h2>
      {total > rows.length ? (
        <p className="muted">
          Показано перші {rows.length} з {total}, за строком.{kind === "overdue" ? " Решта — у журналі з фільтром «Лише прострочені»." : ""}
        </p>
      ) : null}
      {rows.length ? <SummaryTable rows={rows} caption={title} onOpen={onOpen} /> : <p className="empty">{empty}</p>}
    </section>
  );
}
