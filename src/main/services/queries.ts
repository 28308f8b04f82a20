/** Reading the register: one request by its index, lists with filters and search, the "today" panel. */
import { addWorkingDays, kyivDate } from '../../shared/calendar';
import { dueStatus } from '../../shared/deadlines';
import { OPEN_STATUSES, type RequestState, type RequestSummary, type RequestView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { listQuery, parseInput, requestRef } from '../../shared/schemas';
import type { TodayPanel } from '../../shared/api/contract';
import type { Db } from '../db/open';
import { calendarAndRules, refreshProjection, rowToRecord, type RequestRow } from './projection';
import { loadEvents } from './eventLog';

/** Resolves what a clerk types: the full index (`З-125`), just the number (this year first), or the id. */
export function findRequestRow(db: Db, raw: unknown): RequestRow {
  const ref = parseInput(requestRef, raw);
  const q = ref.index;
  const byYear = ref.year !== undefined ? ' AND year = ?' : '';
  const args = ref.year !== undefined ? [ref.year] : [];
  let row = db.sqlite
    .prepare(`SELECT * FROM requests WHERE (incoming_index = ? OR id = ?)${byYear} ORDER BY year DESC LIMIT 1`)
    .get(q, q, ...args) as RequestRow | undefined;
  if (!row && /^\d+$/.test(q)) {
    const thisYear = Number(kyivDate(db.now()).slice(0, 4));
    row = db.sqlite
      .prepare(`SELECT * FROM requests WHERE seq = ?${byYear} ORDER BY (year = ?) DESC, year DESC LIMIT 1`)
      .get(Number(q), ...args, thisYear) as RequestRow | undefined;
  }
  if (!row) throw new AppError('not_found', `Запит з вхідним номером «${q}» не знайдено`);
  return row;
}

export function dueStateOf(db: Db, state: RequestState, cal = calendarAndRules(db).cal): RequestView['dueState'] {
  return state.due ? dueStatus(state.due, db.now(), cal).state : null;
}

export function viewOf(db: Db, row: RequestRow): RequestView {
  const record = rowToRecord(row);
  const state = JSON.parse(row.state) as RequestState;
  return {
    ...record,
    state,
    status: state.status,
    dueDate: state.due?.dueDate ?? null,
    ...(state.due?.dueAt ? { dueAt: state.due.dueAt } : {}),
    dueState: dueStateOf(db, state),
    events: loadEvents(db, record.id),
  };
}

export function getRequest(db: Db, ref: unknown): RequestView {
  return viewOf(db, findRequestRow(db, ref));
}

/** Turns what a person types into a safe FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.toLocaleLowerCase('uk').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' AND ');
}

function summaryOf(db: Db, r: RequestRow, cal: ReturnType<typeof calendarAndRules>['cal']): RequestSummary {
  const state = JSON.parse(r.state) as RequestState;
  const { id, index, year, seq, receivedAt, channel, requesterType, requesterName, description, urgent, complete } = rowToRecord(r);
  return {
    ...{ id, index, year, seq, receivedAt, channel, requesterType, requesterName, urgent, complete },
    description: description.length > 300 ? `${description.slice(0, 300)}…` : description,
    status: state.status,
    executor: state.executor,
    dueDate: state.due?.dueDate ?? null,
    ...(state.due?.dueAt ? { dueAt: state.due.dueAt } : {}),
    dueState: dueStateOf(db, state, cal),
  };
}

export function listRequests(db: Db, raw: unknown = {}): RequestSummary[] {
  const q = parseInput(listQuery, raw);
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.month) {
    where.push('r.received_date >= ? AND r.received_date < ?');
    const [y, m] = q.month.split('-').map(Number) as [number, number];
    args.push(`${q.month}-01`, m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  }
  if (q.status === 'open') where.push(`r.status IN (${OPEN_STATUSES.map(() => '?').join(',')})`), args.push(...OPEN_STATUSES);
  else if (q.status) where.push('r.status = ?'), args.push(q.status);
  if (q.overdue) where.push('r.due_date IS NOT NULL AND r.due_date <= ?'), args.push(kyivDate(db.now()));
  if (q.search !== undefined) {
    const fts = ftsQuery(q.search);
    if (fts) where.push('r.id IN (SELECT request_id FROM requests_fts WHERE requests_fts MATCH ?)'), args.push(fts);
  }
  const sql = `SELECT * FROM requests r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.year DESC, r.seq DESC LIMIT ?`;
  const rows = db.sqlite.prepare(sql).all(...args, q.limit ?? 10_000) as RequestRow[];
  const { cal } = calendarAndRules(db);
  const list = rows.map((r) => summaryOf(db, r, cal));
  return q.overdue ? list.filter((s) => s.dueState === 'overdue') : list;
}


/** What the official controls each morning: overdue, due today, due within 2 working days. */
export function todayPanel(db: Db): TodayPanel {
  const { cal } = calendarAndRules(db);
  const today = kyivDate(db.now());
  const horizon = addWorkingDays(today, 2, cal);
  const rows = db.sqlite
    .prepare('SELECT * FROM requests WHERE due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, due_at, year, seq')
    .all(horizon) as RequestRow[];
  const all = rows.map((r) => summaryOf(db, r, cal));
  return {
    today,
    overdue: all.filter((s) => s.dueState === 'overdue'),
    dueToday: all.filter((s) => s.dueState === 'today'),
    dueSoon: all.filter((s) => s.dueState === 'soon'),
  };
}

/** Recomputes every request's projection, e.g. after the calendar or the terms changed (inside the caller's transaction when there is one). */
export function recomputeAll(db: Db): number {
  const ctx = calendarAndRules(db);
  const ids = db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[];
  db.sqlite.transaction(() => ids.forEach((id) => refreshProjection(db, id, ctx)))();
  return ids.length;
}
