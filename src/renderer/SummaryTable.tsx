/**
 * A table of requests that the keyboard can walk: one row is in the Tab order at a time
 * (roving tabindex), ↑/↓/Home/End move between rows, Enter opens the card. A click opens it too.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { RequestSummary } from '../shared/domain';
import { DueText, StatusBadge } from './Due';
import { CHANNEL_LABEL } from '../shared/wording';
import { uaDate, uaDateTime } from './format';

/** The journal's columns; the clerk shows or hides the optional ones (ColumnChooser). */
export const COLUMNS = ['index', 'date', 'who', 'what', 'channel', 'executor', 'status', 'due', 'result', 'outgoing', 'resultDate'] as const;
export type Column = (typeof COLUMNS)[number];
export const COLUMN_LABEL: Record<Column, string> = {
  index: 'Вх. №',
  date: 'Надійшов',
  who: 'Запитувач',
  what: 'Опис',
  channel: 'Спосіб надходження',
  executor: 'Виконавець',
  status: 'Стан',
  due: 'Строк',
  result: 'Результат розгляду',
  outgoing: 'Вих. №',
  resultDate: 'Дата відповіді',
};
export const DEFAULT_COLUMNS: readonly Column[] = ['index', 'date', 'who', 'what', 'status', 'due'];
/** Always shown: without them a row says nothing. */
export const FIXED_COLUMNS: readonly Column[] = ['index', 'who'];

function cell(c: Column, r: RequestSummary) {
  switch (c) {
    case 'index':
      return (
        <>
          <strong>{r.index}</strong>
          {r.urgent ? <span className="tag urgent">терміновий</span> : null}
        </>
      );
    case 'date':
      return uaDateTime(r.receivedAt);
    case 'who':
      return r.requesterName || <span className="muted">не вказано</span>;
    case 'what':
      return (
        <>
          <span className="clip">{r.description || <span className="muted">—</span>}</span>
          {r.complete ? null : <span className="tag incomplete">неповний</span>}
        </>
      );
    case 'channel':
      return CHANNEL_LABEL[r.channel];
    case 'executor':
      return r.executor ?? <span className="muted">—</span>;
    case 'status':
      return <StatusBadge status={r.status} />;
    case 'due':
      return <DueText dueDate={r.dueDate} dueAt={r.dueAt} dueState={r.dueState} />;
    case 'result':
      return r.result && r.status !== 'registered' && r.status !== 'in_progress' ? r.result : <span className="muted">—</span>;
    case 'outgoing':
      return r.outgoingIndex ?? <span className="muted">—</span>;
    case 'resultDate':
      return r.resultDate ? uaDate(r.resultDate) : <span className="muted">—</span>;
  }
}

export interface SummaryTableProps {
  rows: RequestSummary[];
  /** Which columns, in the table's order; the default set when not given. */
  columns?: readonly Column[];
  caption: string;
  onOpen: (row: RequestSummary) => void;
  /** The row to start from (e.g. the one last opened), kept when the list reloads. */
  selectedId?: string | undefined;
  onSelect?: (id: string) => void;
  /** Called when ↑ is pressed on the first row: the journal returns focus to its search box. */
  onExitTop?: () => void;
  tableRef?: RefObject<HTMLTableElement | null>;
}

export function SummaryTable({ rows, columns = DEFAULT_COLUMNS, caption, onOpen, selectedId, onSelect, onExitTop, tableRef }: SummaryTableProps) {
  const shown = COLUMNS.filter((c) => columns.includes(c) || FIXED_COLUMNS.includes(c));
  const found = rows.findIndex((r) => r.id === selectedId);
  const [active, setActive] = useState(found >= 0 ? found : 0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    if (found >= 0) setActive(found);
    else if (active >= rows.length) setActive(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-anchor only when the data changes
  }, [rows, selectedId]);

  function go(i: number) {
    const n = Math.min(Math.max(i, 0), rows.length - 1);
    setActive(n);
    const row = rows[n];
    if (row) onSelect?.(row.id);
    rowRefs.current[n]?.focus();
  }

  function onKey(e: KeyboardEvent<HTMLTableRowElement>, i: number) {
    const row = rows[i]!;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        go(i + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (i === 0 && onExitTop) onExitTop();
        else go(i - 1);
        break;
      case 'Home':
        e.preventDefault();
        go(0);
        break;
      case 'End':
        e.preventDefault();
        go(rows.length - 1);
        break;
      case 'PageDown':
        e.preventDefault();
        go(i + 10);
        break;
      case 'PageUp':
        e.preventDefault();
        go(i - 10);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        onSelect?.(row.id);
        onOpen(row);
        break;
    }
  }

  return (
    <table className="requests" ref={tableRef}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c} scope="col" className={`c-${c}`}>
              {COLUMN_LABEL[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr
            key={r.id}
            ref={(el) => {
              rowRefs.current[i] = el;
            }}
            tabIndex={i === active ? 0 : -1}
            className={`req-row due-row-${r.dueState ?? 'none'}`}
            data-index={r.index}
            onKeyDown={(e) => onKey(e, i)}
            onFocus={() => setActive(i)}
            onClick={() => {
              onSelect?.(r.id);
              onOpen(r);
            }}
          >
            {shown.map((c) => (
              <td key={c} className={`c-${c}`} {...(c === 'what' ? { title: r.description } : {})}>
                {cell(c, r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Focus the table's current row (the one in the Tab order). */
export function focusActiveRow(table: HTMLTableElement | null): boolean {
  const row = table?.querySelector<HTMLTableRowElement>('tbody tr[tabindex="0"]');
  row?.focus();
  return !!row;
}
