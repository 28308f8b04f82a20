/** Reading the register: one request by its index, lists with filters and search, the "today" panel. */
import { findConflict } from '../../shared/sync/conflicts';
import { listAttachments } from './attachments';
import { kyivDate } from '../../shared/calendar';
import { dueStatus } from '../../shared/deadlines';
import type { RequestEvent, RequestRecord, RequestState, RequestSummary, RequestView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { parseInput, requestRef } from '../../shared/schemas';
import { indexKey } from '../../shared/search';
import { listAll } from './requestPages';
import { prepared, type Db } from '../db/open';
import { calendarAndRules, refreshProjection, rowToRecord, type RequestRow } from './projection';
import { loadEvents } from './eventLog';

/** Resolves what a clerk types: the full index (`З-125`), just the number (this year first), or the id. */
export function findRequestRow(db: Db, raw: unknown): RequestRow {
  const ref = parseInput(requestRef, raw);
  const q = ref.index;
  const byYear = ref.year !== undefined ? ' AND year = ?' : '';
  const args = ref.year !== undefined ? [ref.year] : [];
  // `+year`: with the year given, SQLite would otherwise walk the whole year by `requests_year_seq`
  // instead of looking the number (or id) up — every action paid that at 100,000 requests.
  let row = prepared(db, `SELECT * FROM requests WHERE (incoming_index = ? OR id = ?)${byYear.replace('year', '+year')} ORDER BY year DESC LIMIT 1`).get(q, q, ...args) as
    | RequestRow
    | undefined;
  if (!row && /^\d+$/.test(q)) {
    const thisYear = Number(kyivDate(db.now()).slice(0, 4));
    row = prepared(db, `SELECT * FROM requests WHERE seq = ?${byYear} ORDER BY (year = ?) DESC, year DESC LIMIT 1`).get(Number(q), ...args, thisYear) as RequestRow | undefined;
  }
  const key = row ? null : indexKey(q);
  if (key)
    row = prepared(
      db,
      `SELECT r.* FROM requests r WHERE r.pk IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?)${byYear.replace('year', 'r.year')} ORDER BY r.year DESC LIMIT 1`,
    ).get(`incoming_index : "${key}"`, ...args) as RequestRow | undefined;
  if (!row) throw new AppError('not_found', `Запит з вхідним номером «${q}» не знайдено`);
  return row;
}

export function dueStateOf(db: Db, state: RequestState, cal = calendarAndRules(db).cal): RequestView['dueState'] {
  return state.due ? dueStatus(state.due, db.now(), cal).state : null;
}

export function viewOf(db: Db, row: RequestRow): RequestView {
  return foldedView(db, rowToRecord(row), JSON.parse(row.state) as RequestState, loadEvents(db, row.id));
}

/** The view of a request whose fold is in hand (an action has just written it): nothing read twice. */
export function foldedView(db: Db, record: RequestRecord, state: RequestState, events: RequestEvent[]): RequestView {
  return {
    ...record,
    state,
    status: state.status,
    dueDate: state.due?.dueDate ?? null,
    ...(state.due?.dueAt ? { dueAt: state.due.dueAt } : {}),
    dueState: dueStateOf(db, state),
    events,
    conflict: findConflict(events),
    attachments: listAttachments(db, record.id),
  };
}

export function getRequest(db: Db, ref: unknown): RequestView {
  return viewOf(db, findRequestRow(db, ref));
}

export { ftsQuery, listPage, todayPanel } from './requestPages';

/** The journal as one array (the CLI's `list`, tests): see `listPage` for the order. */
export const listRequests = (db: Db, raw: unknown = {}): RequestSummary[] => listAll(db, raw);

/** Recomputes every request's projection, e.g. after the calendar or the terms changed (inside the caller's transaction when there is one). */
export function recomputeAll(db: Db): number {
  const ctx = calendarAndRules(db);
  const ids = db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[];
  db.sqlite.transaction(() => ids.forEach((id) => refreshProjection(db, id, ctx)))();
  return ids.length;
}
