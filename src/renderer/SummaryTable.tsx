/**
 * A table of requests that the keyboard can walk: one row is in the Tab order at a time
 * (roving tabindex), ↑/↓/Home/End move between rows, Enter opens the card. A click opens it too.
 * A long list is virtualised: only the rows in view are rendered (see `virtualRows.ts`).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { isClosedByLetter, type RequestSummary } from '../shared/domain';
import { DueText, StatusBadge } from './Due';
import { CHANNEL_LABEL, NOT_STATED } from '../shared/wording';
import { uaDate, uaReceived } from './format';
import { useVirtualWindow } from './virtualRows';

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
      return uaReceived(r);
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
      return r.channel ? CHANNEL_LABEL[r.channel] : <span className="muted">{NOT_STATED}</span>;
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
      // Closed by a letter whose date an imported journal did not give: said so, not a dash.
      return r.resultDate ? uaDate(r.resultDate) : <span className="muted">{isClosedByLetter(r.status) ? NOT_STATED : '—'}</span>;
  }
}

/**
 * A reserved number never used (year end): its number and the result in words across the other
 * columns, as the exported journal shows it. It has no card to open.
 */
function unusedCells(r: RequestSummary, columns: number, virtual: boolean) {
  const wrap = (x: ReactNode) => (virtual ? <div className="cell">{x}</div> : x);
  return (
    <>
      <td className="c-index">{wrap(<strong>{r.index}</strong>)}</td>
      {columns > 1 ? <td colSpan={columns - 1}>{wrap(<span className="muted">{r.result}</span>)}</td> : null}
    </>
  );
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
  /**
   * A long list: only the rows in view are in the DOM, inside a scrolling box; `total` is how many
   * rows the whole list has (for assistive technology), `onNearEnd` asks for the next page.
   */
  virtual?: { total: number; onNearEnd: () => void };
  /** Focus the selected row when it arrives (back from its card). */
  focusSelected?: boolean;
}

const ALL_ROWS = { first: 0, end: Number.MAX_SAFE_INTEGER, rowPx: 0, reveal: () => {} };

export function SummaryTable({ rows, columns = DEFAULT_COLUMNS, caption, onOpen, selectedId, onSelect, onExitTop, tableRef, virtual, focusSelected }: SummaryTableProps) {
  const shown = COLUMNS.filter((c) => columns.includes(c) || FIXED_COLUMNS.includes(c));
  const found = rows.findIndex((r) => r.id === selectedId);
  const [active, setActive] = useState(found >= 0 ? found : 0);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = useVirtualWindow(scroller, rows.length, virtual?.onNearEnd);
  const { first, end, rowPx, reveal } = virtual ? windowed : ALL_ROWS;
  // A row to focus once it is rendered (a key press may scroll it into the window first).
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    if (found >= 0) setActive(found);
    else if (active >= rows.length) setActive(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-anchor only when the data changes
  }, [rows, selectedId]);
  useEffect(() => {
    if (found < 0) return;
    if (focusSelected) pendingFocus.current = found;
    if (virtual) reveal(found);
    else if (focusSelected) rowRefs.current.get(found)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bring the selected row into view when it arrives
  }, [found >= 0]);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const el = rowRefs.current.get(pendingFocus.current);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  function go(i: number) {
    const n = Math.min(Math.max(i, 0), rows.length - 1);
    setActive(n);
    const row = rows[n];
    if (row) onSelect?.(row.id);
    reveal(n);
    const el = rowRefs.current.get(n);
    pendingFocus.current = el ? null : n;
    el?.focus({ preventScroll: !!virtual });
  }

  function onKey(e: KeyboardEvent<HTMLTableRowElement>, i: number) {
    const row = rows[i]!;
    const step: Partial<Record<string, number>> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1, PageDown: i + 10, PageUp: i - 10 };
    const to = step[e.key];
    if (to !== undefined) {
      e.preventDefault();
      if (e.key === 'ArrowUp' && i === 0 && onExitTop) onExitTop();
      else go(to);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(row.id);
      if (!row.unused) onOpen(row);
    }
  }

  const last = Math.min(end, rows.length);
  // The row in the Tab order must be in the DOM: when the active one is scrolled away, the first one shown stands in.
  const tabbable = active >= first && active < last ? active : first;
  const spacer = (px: number, key: string) =>
    px > 0 ? (
      <tr aria-hidden="true" className="spacer" key={key}>
        <td colSpan={shown.length} style={{ height: px }} />
      </tr>
    ) : null;
  const table = (
    <table className={`requests${virtual ? ' virtual' : ''}`} ref={tableRef} {...(virtual ? { 'aria-rowcount': virtual.total + 1 } : {})}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr {...(virtual ? { 'aria-rowindex': 1 } : {})}>
          {shown.map((c) => (
            <th key={c} scope="col" className={`c-${c}`}>
              {COLUMN_LABEL[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spacer(first * rowPx, 'above')}
        {rows.slice(first, last).map((r, k) => {
          const i = first + k;
          return (
            <tr
              key={r.id}
              ref={(el) => {
                if (el) rowRefs.current.set(i, el);
                else rowRefs.current.delete(i);
              }}
              tabIndex={i === tabbable ? 0 : -1}
              className={`req-row due-row-${r.dueState ?? 'none'}${r.unused ? ' unused-number' : ''}`}
              data-index={r.index}
              {...(virtual ? { 'aria-rowindex': i + 2 } : {})}
              onKeyDown={(e) => onKey(e, i)}
              onFocus={() => setActive(i)}
              onClick={() => {
                onSelect?.(r.id);
                if (!r.unused) onOpen(r);
              }}
            >
              {r.unused ? unusedCells(r, shown.length, !!virtual) : shown.map((c) => (
                <td key={c} className={`c-${c}`} {...(c === 'what' ? { title: r.description } : {})}>
                  {virtual ? <div className="cell">{cell(c, r)}</div> : cell(c, r)}
                </td>
              ))}
            </tr>
          );
        })}
        {spacer((rows.length - last) * rowPx, 'below')}
      </tbody>
    </table>
  );
  return virtual ? (
    <div className="virtual-scroll" ref={scroller}>
      {table}
    </div>
  ) : (
    table
  );
}

/** Focus the table's current row (the one in the Tab order). */
export function focusActiveRow(table: HTMLTableElement | null): boolean {
  const row = table?.querySelector<HTMLTableRowElement>('tbody tr[tabindex="0"]');
  row?.focus();
  return !!row;
}
