/**
 * The journal read page by page (`requests:page`): the first page when the filters change, the next
 * when the clerk nears the end of what is loaded. Answers to superseded queries are dropped, and
 * the rows on screen stay until the new first page arrives (as `useApi` does).
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorData } from '../shared/errors';
import type { RequestSummary } from '../shared/domain';
import type { ListQuery } from '../shared/schemas';
import { api } from './api';

/** Rows fetched at a time: a few screens, one round trip. */
export const JOURNAL_PAGE = 200;

export interface JournalPages {
  rows: RequestSummary[] | undefined;
  total: number;
  /** Unused reserved numbers the journal lists besides the requests (see `RequestPage.unused`). */
  unused: number;
  error: AppErrorData | undefined;
  loading: boolean;
  /** Whether pages after the loaded ones exist. */
  hasMore: boolean;
  /** Fetches the next page, if there is one and none is on its way. */
  loadMore: () => void;
}

export function useJournalPages(query: Omit<ListQuery, 'limit'>, deps: DependencyList): JournalPages {
  const [rows, setRows] = useState<RequestSummary[]>();
  const [total, setTotal] = useState(0);
  const [unused, setUnused] = useState(0);
  const [error, setError] = useState<AppErrorData>();
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const seq = useRef(0);
  const next = useRef<string | null>(null);
  const inFlight = useRef(false);
  const queryRef = useRef(query);
  queryRef.current = query;

  const fetchPage = useCallback((after: string | null) => {
    const mine = after === null ? ++seq.current : seq.current;
    inFlight.current = true;
    setLoading(true);
    void api.call('requests:page', { ...queryRef.current, limit: JOURNAL_PAGE, ...(after ? { after } : {}) }).then((r) => {
      if (mine !== seq.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!r.ok) return setError(r.error);
      setError(undefined);
      next.current = r.value.next;
      setHasMore(r.value.next !== null);
      setTotal(r.value.total);
      setUnused(r.value.unused ?? 0);
      setRows((old) => (after === null ? r.value.rows : [...(old ?? []), ...r.value.rows]));
    });
  }, []);

  useEffect(() => {
    next.current = null;
    fetchPage(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass what the query depends on
  }, deps);

  const loadMore = useCallback(() => {
    if (next.current && !inFlight.current) fetchPage(next.current);
  }, [fetchPage]);
  return { rows, total, unused, error, loading, hasMore, loadMore };
}
