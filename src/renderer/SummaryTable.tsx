/**
 * A table of requests that the keyboard can walk: one row is in the Tab order at a time
 * (roving tabindex), ↑/↓/Home/End move between rows, Enter opens the card. A click opens it too.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { RequestSummary } from '../shared/domain';
import { DueText, StatusBadge } from './Due';
import { uaDateTime } from './format';

export interface SummaryTableProps {
  rows: RequestSummary[];
  caption: string;
  onOpen: (row: RequestSummary) => void;
  /** The row to start from (e.g. the one last opened), kept when the list reloads. */
  selectedId?: string | undefined;
  onSelect?: (id: string) => void;
  /** Called when ↑ is pressed on the first row: the journal returns focus to its search box. */
  onExitTop?: () => void;
  tableRef?: RefObject<HTMLTableElement | null>;
}

export function SummaryTable({ rows, caption, onOpen, selectedId, onSelect, onExitTop, tableRef }: SummaryTableProps) {
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
          <th scope="col" className="c-index">
            Вх. №
          </th>
          <th scope="col" className="c-date">
            Надійшов
          </th>
          <th scope="col" className="c-who">
            Запитувач
          </th>
          <th scope="col" className="c-what">
            Опис
          </th>
          <th scope="col" className="c-status">
            Стан
          </th>
          <th scope="col" className="c-due">
            Строк
          </th>
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
            <td className="c-index">
              <strong>{r.index}</strong>
              {r.urgent ? <span className="tag urgent">терміновий</span> : null}
            </td>
            <td className="c-date">{uaDateTime(r.receivedAt)}</td>
            <td className="c-who">{r.requesterName || <span className="muted">не вказано</span>}</td>
            <td className="c-what" title={r.description}>
              <span className="clip">{r.description || <span className="muted">—</span>}</span>
              {r.complete ? null : <span className="tag incomplete">неповний</span>}
            </td>
            <td className="c-status">
              <StatusBadge status={r.status} />
            </td>
            <td className="c-due">
              <DueText dueDate={r.dueDate} dueAt={r.dueAt} dueState={r.dueState} />
            </td>
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
