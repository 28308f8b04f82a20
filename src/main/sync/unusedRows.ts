/**
 * Unused reserved numbers in the on-screen journal, as the exports show them (yearEnd.ts): a row
 * with the number and «зарезервований, не використаний», in the journal's order (year, number),
 * in the same page statement as the requests. Such a row's key is the lease row's rowid, negated:
 * below every request's, so the keyset (year, seq, pk) stays a total order.
 *
 * The filters decide as the exports do: a month shows a year's unused numbers only when it is
 * December (the year's end falls in it); a status, «overdue» or a search shows none.
 */
import { UNUSED_RESULT } from '../../shared/journalRows';
import type { RequestSummary } from '../../shared/domain';
import { unusedIndex } from './yearEnd';

/** Keys of the unused numbers the filters let through, or null when they let none. */
export function unusedKeys(q: { month?: string | undefined; status?: string | undefined; overdue?: boolean | undefined }, after: number[] | null): { sql: string; args: unknown[] } | null {
  if (q.status || q.overdue) return null;
  if (q.month && !q.month.endsWith('-12')) return null;
  const where = ["l.request_id LIKE 'unused:%'"];
  const args: unknown[] = [];
  if (q.month) where.push('l.year = ?'), args.push(Number(q.month.slice(0, 4)));
  if (after) where.push('(l.year, l.seq, -l.rowid) < (?, ?, ?)'), args.push(...after);
  // number_leases holds a desk's reserves and these markers: a few rows a year, read whole.
  return { sql: `SELECT -l.rowid AS pk, l.year AS year, l.seq AS seq FROM number_leases l WHERE ${where.join(' AND ')}`, args };
}

/** The columns an unused row reads from its lease row (joined as `l`, with the page's keys as `page`). */
export const UNUSED_COLUMNS = 'page.pk AS page_pk, page.year AS page_year, page.seq AS page_seq, l.journal_id AS unused_journal, l.request_id AS unused_marker';

export interface UnusedColumns {
  page_pk: number;
  page_year: number;
  page_seq: number;
  unused_journal: string | null;
  unused_marker: string | null;
}

/** The journal row of an unused number: its number and the result in words; nothing else is true of it. */
export function unusedSummary(r: UnusedColumns): RequestSummary {
  return {
    id: r.unused_marker!,
    index: unusedIndex(r.unused_journal!, r.page_year, r.unused_marker) ?? '',
    year: r.page_year,
    seq: r.page_seq,
    receivedAt: '',
    receivedTimeKnown: false,
    channel: null,
    requesterType: 'natural',
    requesterName: '',
    description: '',
    urgent: false,
    complete: true,
    status: 'registered',
    executor: null,
    dueDate: null,
    dueState: null,
    result: UNUSED_RESULT,
    outgoingIndex: null,
    resultDate: null,
    unused: true,
  };
}
