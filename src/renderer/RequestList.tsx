/**
 * The register journal: full-text search, month, status and "overdue" filters over the API's
 * `requests:page`, loaded a page at a time as the clerk scrolls (the table renders only the rows in view). `/` or Ctrl+F jumps to the search box; ↓ goes from it into the table.
 * The filters live in the shell, so coming back from a card finds the journal as it was left.
 */
import { useEffect, useRef, useState } from 'react';
import type { ListQuery } from '../shared/schemas';
import { STATUSES, type Status } from '../shared/domain';
import { STATUS_LABEL } from '../shared/wording';
import { useShell } from './AppContext';
import { Checkbox, ErrorAlert, SelectField, TextField } from './Fields';
import { isTyping } from './keyboard';
import { OPEN_FILTER_LABEL } from './labels';
import { ColumnChooser, useJournalColumns } from './ColumnChooser';
import { focusActiveRow, SummaryTable } from './SummaryTable';
import { useJournalPages } from './useJournalPages';
import { navigate } from './useRoute';

export interface JournalFilters {
  search: string;
  month: string;
  status: Status | 'open' | '';
  overdue: boolean;
  selectedId?: string;
}

export const emptyFilters = (): JournalFilters => ({ search: '', month: '', status: '', overdue: false });

export function RequestList({ filters, setFilters }: { filters: JournalFilters; setFilters: (f: JournalFilters) => void }) {
  const { version } = useShell();
  const searchRef = useRef<HTMLInputElement>(null);
  const [columns, setColumns] = useJournalColumns();
  const tableRef = useRef<HTMLTableElement>(null);
  // Search runs a moment after the clerk stops typing, not on every key.
  const [search, setSearch] = useState(filters.search);
  useEffect(() => {
    const t = window.setTimeout(() => search !== filters.search && setFilters({ ...filters, search }), 250);
    return () => window.clearTimeout(t);
  }, [search, filters, setFilters]);

  const query: ListQuery = {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.month ? { month: filters.month } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
  const list = useJournalPages(query, [filters.search, filters.month, filters.status, filters.overdue, version]);

  // Back from a card: the row that was opened gets the focus again (the table focuses it once it is
  // loaded, so pages are fetched until it is); otherwise the search box.
  const [focusBack] = useState(!!filters.selectedId);
  const seeking = useRef(focusBack);
  useEffect(() => {
    if (!list.rows || !seeking.current) return;
    if (list.rows.some((r) => r.id === filters.selectedId) || !list.hasMore) seeking.current = false;
    else list.loadMore();
  }, [list.rows]); // eslint-disable-line react-hooks/exhaustive-deps -- one step per page that arrives
  useEffect(() => {
    if (!filters.selectedId) searchRef.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- only on arrival

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlF = (e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyF';
      if (ctrlF || (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.altKey)) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = list.rows ?? [];
  const filtered = !!(filters.search || filters.month || filters.status || filters.overdue);

  return (
    <div className="journal">
      <div className="screen-head">
        <h1 className="screen-title" tabIndex={-1}>
          Журнал реєстрації запитів
        </h1>
        <p className="count" data-testid="journal-count" aria-live="polite">
          {list.loading && !list.rows ? 'Завантаження…' : `${filtered ? 'Знайдено' : 'Усього'}: ${list.total}${list.unused ? `; зарезервованих, не використаних номерів: ${list.unused}` : ''}`}
        </p>
      </div>
      <div role="search" className="panel filters" aria-label="Пошук і фільтри журналу">
        <TextField
          id="j-search"
          className="grow"
          type="search"
          label={
            <>
              Пошук <kbd>/</kbd>
            </>
          }
          placeholder="запитувач, опис, номер, примітки"
          inputRef={searchRef}
          value={search}
          onChange={setSearch}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              if (search !== filters.search) setFilters({ ...filters, search });
              focusActiveRow(tableRef.current);
            } else if (e.key === 'Escape' && search) {
              e.preventDefault();
              setSearch('');
            }
          }}
        />
        <TextField id="j-month" type="month" label="Місяць" value={filters.month} onChange={(month) => setFilters({ ...filters, month })} />
        <SelectField<JournalFilters['status']>
          id="j-status"
          label="Стан"
          value={filters.status}
          options={[['', 'усі'] as const, ['open', OPEN_FILTER_LABEL] as const, ...STATUSES.map((s) => [s, STATUS_LABEL[s]] as const)]}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <Checkbox id="j-overdue" label="Лише прострочені" checked={filters.overdue} onChange={(overdue) => setFilters({ ...filters, overdue })} />
        <ColumnChooser columns={columns} onChange={setColumns} />
      </div>
      {list.error ? <ErrorAlert lines={[list.error.message]} /> : null}
      <div className="panel table-wrap">
        {rows.length === 0 && !list.loading ? (
          <p className="empty">{filtered ? 'Нічого не знайдено. Змініть пошук або фільтри.' : 'Журнал порожній: ще не зареєстровано жодного запиту.'}</p>
        ) : (
          <SummaryTable
            rows={rows}
            columns={columns}
            caption="Запити за журналом, новіші вгорі"
            tableRef={tableRef}
            selectedId={filters.selectedId}
            onSelect={(selectedId) => setFilters({ ...filters, search, selectedId })}
            onExitTop={() => searchRef.current?.focus()}
            onOpen={(r) => navigate({ screen: 'card', id: r.id })}
            virtual={{ total: list.total + list.unused, onNearEnd: list.loadMore }}
            focusSelected={focusBack}
          />
        )}
      </div>
    </div>
  );
}
