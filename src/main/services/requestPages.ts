/**
 * The register's lists read from indexes, never by walking the register: the journal a page at a
 * time (keyset on year, seq, pk), search ranked by FTS5's bm25, and the «Сьогодні» panel from the
 * due-date index. Each page is one statement for its rows and one for the total; a row's due state
 * comes from its stored due columns compared with dates fixed once per query (`dueClock`).
 */
import { dueClock, dueStateAt, type DueClock } from '../../shared/dueClock';
import { OPEN_STATUSES, type RequestState, type RequestSummary } from '../../shared/domain';
import { resultText } from '../../shared/journalRows';
import type { z } from 'zod';
import { PAGE_SIZE, listPageQuery, type RequestPage } from '../../shared/requestPage';
import { listQuery, parseInput } from '../../shared/schemas';
import { indexKey, normalizeForSearch } from '../../shared/search';
import type { TodayPanel } from '../../shared/api/contract';
import { prepared, type Db } from '../db/open';
import { calendarAndRules } from './projection';
import { UNUSED_COLUMNS, unusedKeys, unusedSummary, type UnusedColumns } from '../sync/unusedRows';

/** What a list row shows, and nothing more (no contacts, no event log). */
const COLUMNS = `r.pk, r.id, r.incoming_index, r.year, r.seq, r.received_at, r.received_time_known, r.channel, r.requester_type, r.requester_name,
  r.description, r.urgent, r.complete, r.status, r.executor, r.due_date, r.due_at, r.state`;

interface SummaryRow {
  pk: number;
  id: string;
  incoming_index: string;
  year: number;
  seq: number;
  received_at: string;
  received_time_known: number;
  channel: string;
  requester_type: string;
  requester_name: string;
  description: string;
  urgent: number;
  complete: number;
  status: string;
  executor: string | null;
  due_date: string | null;
  due_at: string | null;
  state: string;
}

function summaryOf(r: SummaryRow, clock: DueClock): RequestSummary {
  // The stored projection of this one row: bounded by the page size, never the register.
  const state = JSON.parse(r.state) as RequestState;
  return {
    id: r.id,
    index: r.incoming_index,
    year: r.year,
    seq: r.seq,
    receivedAt: r.received_at,
    receivedTimeKnown: r.received_time_known !== 0,
    // '' in the column: the source did not state it.
    channel: r.channel === '' ? null : (r.channel as NonNullable<RequestSummary['channel']>),
    requesterType: r.requester_type as RequestSummary['requesterType'],
    requesterName: r.requester_name,
    urgent: r.urgent === 1,
    complete: r.complete === 1,
    description: r.description.length > 300 ? `${r.description.slice(0, 300)}…` : r.description,
    status: state.status,
    executor: r.executor,
    dueDate: r.due_date,
    ...(r.due_at ? { dueAt: r.due_at } : {}),
    dueState: dueStateAt(clock, r.due_date, r.due_at),
    result: resultText(state),
    outgoingIndex: state.answer?.outgoingIndex ?? null,
    resultDate: state.status === 'answered' ? (state.answer?.date ?? null) : state.status === 'void' ? null : state.closedOn,
  };
}

export function clockOf(db: Db): DueClock {
  return dueClock(db.now(), calendarAndRules(db).cal);
}

/** Turns what a person types into a safe FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = normalizeForSearch(text).toLocaleLowerCase('uk').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  // A lone letter as a prefix («з» of «З-500», an initial) matches most of the index and narrows
  // almost nothing: it is dropped when other words remain (a superset, and the index key still ranks first).
  const telling = words.filter((w) => w.length > 1 || /\p{N}/u.test(w));
  return (telling.length ? telling : words).slice(0, 12).map((w) => `"${w}"*`).join(' AND ');
}

/**
 * Overdue by the stored columns: a day term whose day has ended, or an hour term whose instant has
 * passed (`dueAt` carries its Kyiv offset, which `julianday` reads). `due_date <= today` first, so
 * the partial index `requests_due` bounds the scan.
 */
const OVERDUE = `r.due_date <= ? AND (r.due_date < ? OR (r.due_at IS NOT NULL AND julianday(r.due_at) < julianday(?)))`;
const overdueArgs = (c: DueClock) => [c.today, c.today, new Date(c.nowMs).toISOString()];

type ListPageQuery = z.output<typeof listPageQuery>;
type Filters = { where: string[]; args: unknown[] };

function filtersOf(q: ListPageQuery, clock: DueClock): Filters {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.month) {
    const [y, m] = q.month.split('-').map(Number) as [number, number];
    where.push('r.received_date >= ? AND r.received_date < ?');
    args.push(`${q.month}-01`, m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  }
  if (q.status === 'open') where.push(`r.status IN (${OPEN_STATUSES.map(() => '?').join(',')})`), args.push(...OPEN_STATUSES);
  else if (q.status) where.push('r.status = ?'), args.push(q.status);
  if (q.overdue) where.push(OVERDUE), args.push(...overdueArgs(clock));
  return { where, args };
}

const and = (where: string[]) => (where.length ? ` AND ${where.join(' AND ')}` : '');

/**
 * Above this many hits bm25 would rank (and sort) every one of them for a page of 100 — ~25 ms for
 * a word in every eighth request of a 100,000 register. So a very common word lists its hits newest
 * registered first, which FTS5 streams from its rowid order and stops at the page's end.
 */
export const RANKED_UP_TO = 2000;

/**
 * One page of the journal. Without a search: newest first, the next page starting after the last
 * row's (year, seq, pk), so a page costs the same at the end of the register as at its start.
 * With a search: the exact incoming index first, then by bm25 relevance paged by offset (a rank is
 * not a key that stays put while the clerk types) — or, for a word in more than RANKED_UP_TO
 * requests, newest first paged by keyset on the index's rowid.
 */
export function listPage(db: Db, raw: unknown = {}, rankedUpTo = RANKED_UP_TO): RequestPage {
  const q = parseInput(listPageQuery, raw);
  return pageOf(db, q, q.limit ?? PAGE_SIZE, true, rankedUpTo);
}

/** The journal as one list (the CLI's `list`, exports): the first `limit` rows of `listPage`'s order, requests only. */
export function listAll(db: Db, raw: unknown = {}): RequestSummary[] {
  const q = parseInput(listQuery, raw);
  return pageOf(db, q, q.limit ?? 10_000, false).rows;
}

/** `rankedUpTo`: see RANKED_UP_TO; tests lower it to walk the newest-first order on a small register. */
function pageOf(db: Db, q: ListPageQuery, limit: number, withUnused: boolean, rankedUpTo = RANKED_UP_TO): RequestPage {
  const clock = clockOf(db);
  const f = filtersOf(q, clock);
  const fts = q.search !== undefined ? ftsQuery(q.search) : null;
  if (fts !== null) return searchPage(db, q.search!, fts, f, q.after, limit, clock, rankedUpTo);

  const after = q.after?.startsWith('k:') ? q.after.slice(2).split(':').map(Number) : null;
  const where = [...f.where, ...(after ? ['(r.year, r.seq, r.pk) < (?, ?, ?)'] : [])];
  // The page's keys first (from an index: a month's keys from requests_received), then only its rows:
  // sorting a month must not drag every request's state through the sorter.
  const keys = `SELECT r.pk, r.year, r.seq FROM requests r WHERE 1${and(where)} ORDER BY r.year DESC, r.seq DESC, r.pk DESC LIMIT ?`;
  // The journal on screen lists unused reserved numbers too, in its order (see sync/unusedRows.ts).
  const u = withUnused ? unusedKeys(q, after) : null;
  if (u) return pageWithUnused(db, q, f, keys, [...f.args, ...(after ?? []), limit + 1], u, limit, clock);
  const rows = prepared(db, `WITH page AS (${keys}) SELECT ${COLUMNS} FROM page JOIN requests r ON r.pk = page.pk ORDER BY page.year DESC, page.seq DESC, page.pk DESC`)
    .all(...f.args, ...(after ?? []), limit + 1) as SummaryRow[];
  const total = prepared(db, `SELECT count(*) AS n FROM requests r WHERE 1${and(f.where)}`).get(...f.args) as { n: number };
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page.map((r) => summaryOf(r, clock)), total: total.n, next: more && last ? `k:${last.year}:${last.seq}:${last.pk}` : null };
}

/** A journal page with the unused numbers merged in: still one statement for the rows and one for the counts. */
function pageWithUnused(db: Db, q: ListPageQuery, f: Filters, keys: string, keyArgs: unknown[], u: { sql: string; args: unknown[] }, limit: number, clock: DueClock): RequestPage {
  const merged = `SELECT * FROM (${keys}) UNION ALL SELECT * FROM (${u.sql} ORDER BY 2 DESC, 3 DESC, 1 DESC LIMIT ?) ORDER BY 2 DESC, 3 DESC, 1 DESC LIMIT ?`;
  const rows = prepared(
    db,
    `WITH page AS (${merged}) SELECT ${COLUMNS}, ${UNUSED_COLUMNS} FROM page
      LEFT JOIN requests r ON page.pk > 0 AND r.pk = page.pk LEFT JOIN number_leases l ON page.pk < 0 AND l.rowid = -page.pk
      ORDER BY page.year DESC, page.seq DESC, page.pk DESC`,
  ).all(...keyArgs, ...u.args, limit + 1, limit + 1) as (SummaryRow & UnusedColumns)[];
  const all = unusedKeys(q, null)!;
  const counts = prepared(db, `SELECT (SELECT count(*) FROM requests r WHERE 1${and(f.where)}) AS n, (SELECT count(*) FROM (${all.sql})) AS u`).get(...f.args, ...all.args) as {
    n: number;
    u: number;
  };
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    rows: page.map((r) => (r.unused_marker ? unusedSummary(r) : summaryOf(r, clock))),
    total: counts.n,
    ...(counts.u ? { unused: counts.u } : {}),
    next: more && last ? `k:${last.page_year}:${last.page_seq}:${last.page_pk}` : null,
  };
}

function searchPage(db: Db, search: string, fts: string, f: Filters, after: string | undefined, limit: number, clock: DueClock, rankedUpTo: number): RequestPage {
  // An incoming index typed in the search box («З5», «з-5», «Z-5») matches as a whole token too, and ranks first.
  const key = indexKey(search);
  const exact = key ? `incoming_index : "${key}"` : null;
  const match = exact ? `(${fts}) OR ${exact}` : fts;
  // Filters need the request row; without them the hits are read from the index alone. CROSS JOIN
  // keeps the index outside: else SQLite may walk every request of a status and probe FTS5 for each.
  const joined = f.where.length ? ' CROSS JOIN requests r ON r.pk = f.rowid' : '';
  // With filters the hits' set is built first and the requests looked up in key order: a third of
  // the cost of joining them hit by hit (12,500 hits of a status: 8 ms, not 27 ms).
  const total = (
    f.where.length
      ? prepared(db, `SELECT count(*) AS n FROM requests r WHERE r.pk IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?)${and(f.where)}`)
      : prepared(db, 'SELECT count(*) AS n FROM requests_fts WHERE requests_fts MATCH ?')
  ).get(match, ...f.args) as { n: number };
  // A cursor keeps the order its first page had, even if the count crossed the line meanwhile.
  const recent = after ? after.startsWith('r:') : total.n > rankedUpTo;
  const { pks, next } = recent ? newestHits(db, match, exact, f, joined, after, limit) : rankedHits(db, match, exact, f, joined, after, limit);
  if (pks.length === 0) return { rows: [], total: total.n, next: null };
  // Request rows for this page only, in the page's order.
  const rows = prepared(db, `SELECT ${COLUMNS} FROM json_each(?) AS p JOIN requests r ON r.pk = p.value ORDER BY p.key`).all(JSON.stringify(pks)) as SummaryRow[];
  return { rows: rows.map((r) => summaryOf(r, clock)), total: total.n, next };
}

interface Hits {
  pks: number[];
  next: string | null;
}

/** The exact incoming index first, then by bm25 relevance; paged by offset, which stays cheap below RANKED_UP_TO hits. */
function rankedHits(db: Db, match: string, exact: string | null, f: Filters, joined: string, after: string | undefined, limit: number): Hits {
  const offset = after?.startsWith('o:') ? Number(after.slice(2)) : 0;
  const first = exact ? '(f.rowid IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?)) DESC, ' : '';
  const pks = prepared(db, `SELECT f.rowid FROM requests_fts f${joined} WHERE requests_fts MATCH ?${and(f.where)} ORDER BY ${first}f.rank, f.rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...(exact ? [exact] : []), match, ...f.args, limit + 1, offset) as number[];
  const more = pks.length > limit;
  return { pks: more ? pks.slice(0, limit) : pks, next: more ? `o:${offset + limit}` : null };
}

/**
 * The exact incoming index first, then the other hits newest registered first, both in rowid order
 * that FTS5 streams. Keyset: `r:1:<rowid>` is inside the exact hits, `r:0:<rowid>` inside the rest.
 */
function newestHits(db: Db, match: string, exact: string | null, f: Filters, joined: string, after: string | undefined, limit: number): Hits {
  const cursor = after?.startsWith('r:') ? { inExact: after[2] === '1', pk: Number(after.slice(4)) } : null;
  const stream = (m: string, leaveOut: number[], n: number, below: number | null) =>
    prepared(
      db,
      `SELECT f.rowid FROM requests_fts f${joined} WHERE requests_fts MATCH ?${and(f.where)}` +
        `${leaveOut.length ? ' AND f.rowid NOT IN (SELECT value FROM json_each(?))' : ''}${below !== null ? ' AND f.rowid < ?' : ''} ORDER BY f.rowid DESC LIMIT ?`,
    )
      .pluck()
      .all(m, ...f.args, ...(leaveOut.length ? [JSON.stringify(leaveOut)] : []), ...(below !== null ? [below] : []), n) as number[];
  // The exact index is a handful of rows at most (one a year): read whole, to leave them out of the rest.
  const exactPks = exact ? stream(exact, [], 1000, null) : [];
  const pks = !cursor || cursor.inExact ? exactPks.filter((pk) => !cursor || pk < cursor.pk) : [];
  const exactOnPage = pks.length;
  if (pks.length <= limit) pks.push(...stream(match, exactPks, limit + 1 - pks.length, cursor && !cursor.inExact ? cursor.pk : null));
  const more = pks.length > limit;
  const page = pks.slice(0, limit);
  return { pks: page, next: more ? `r:${page.length <= exactOnPage ? 1 : 0}:${page.at(-1)}` : null };
}

/** How many rows each group of the «Сьогодні» panel carries; the counts are always whole. */
export const TODAY_ROWS = 200;

/** What the official controls each morning: overdue, due today, due within 2 working days. */
export function todayPanel(db: Db): TodayPanel {
  const clock = clockOf(db);
  const order = 'ORDER BY r.due_date, r.due_at, r.year, r.seq';
  const overdue = prepared(db, `SELECT ${COLUMNS} FROM requests r WHERE ${OVERDUE} ${order} LIMIT ?`).all(...overdueArgs(clock), TODAY_ROWS) as SummaryRow[];
  const overdueCount = prepared(db, `SELECT count(*) AS n FROM requests r WHERE ${OVERDUE}`).get(...overdueArgs(clock)) as { n: number };
  // Today's and the next two working days' terms: a few days of requests, read whole and split here.
  const near = (prepared(db, `SELECT ${COLUMNS} FROM requests r WHERE r.due_date >= ? AND r.due_date <= ? ${order}`).all(clock.today, clock.horizon) as SummaryRow[])
    .map((r) => summaryOf(r, clock));
  const dueToday = near.filter((s) => s.dueState === 'today');
  const dueSoon = near.filter((s) => s.dueState === 'soon');
  return {
    today: clock.today,
    overdue: overdue.map((r) => summaryOf(r, clock)),
    dueToday: dueToday.slice(0, TODAY_ROWS),
    dueSoon: dueSoon.slice(0, TODAY_ROWS),
    totals: { overdue: overdueCount.n, dueToday: dueToday.length, dueSoon: dueSoon.length },
  };
}
