/**
 * The year's end for the journal's shared series. Numbers a desk leased for a year and never used
 * must still show in that year's journal («зарезервований, не використаний»), the same on every
 * desk, and must never be given later.
 *
 * Where they are recorded: on the server, as events of type `number_unused` in the one log every
 * desk pulls by cursor, each under its own request id (`unused:<journal>:<year>:<index>`), so the
 * server's trigger puts the number into `numbers` and its unique constraints guard it like any
 * registration. On a desk, in `number_leases`: the lease row is marked used by that same id (the
 * row's «used once» trigger makes it final). The local event log keeps request events only (its
 * rows must belong to a request), so the marker, not an event row, is what the journal reads.
 *
 * Only the desk that holds a lease closes it (it alone knows it is unused), and it closes it
 * locally first, in one transaction, so it can never number with it afterwards — not even a late
 * registration dated in the old year. Telling the server follows; until the server has committed,
 * the year stays in `sync.closing` and the next sync sends it again (idempotent by event id).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { kyivDate, kyivIso } from '../../shared/calendar';
import { formatIndex } from '../../shared/incomingIndex';
import { formatHlc, tick } from '../../shared/sync/hlc';
import { prepared, type Db } from '../db/open';
import { usesLeases } from '../services/numbers';
import { getSettings } from '../services/settings';
import { connectionError } from './push';
import { getMeta, setMeta } from './state';

export const UNUSED_EVENT = 'number_unused';
const CLOSING = 'sync.closing';
const MARK = 'unused:';

export interface UnusedPayload {
  journalId: string;
  year: number;
  series: '';
  seq: number;
  index: string;
}

/** The marker (and the server's request id) of an unused number. */
export const unusedMarker = (journalId: string, year: number, index: string): string => `${MARK}${journalId}:${year}:${index}`;

/** The printed index inside a marker, or null when the lease is free or used by a registration. */
export function unusedIndex(journalId: string, year: number, requestId: string | null): string | null {
  const head = `${MARK}${journalId}:${year}:`;
  return requestId?.startsWith(head) ? requestId.slice(head.length) : null;
}

/** One id per number on every desk, so a repeated close is the same event. */
function unusedEventId(journalId: string, year: number, seq: number): string {
  const h = createHash('sha256').update(`${UNUSED_EVENT}\n${journalId}\n${year}\n${seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Closing {
  journalId: string;
  year: number;
}

const pending = (db: Db): Closing[] => JSON.parse(getMeta(db, CLOSING) ?? '[]') as Closing[];

/**
 * Marks this desk's unused leases of every ended year as «not used», in one transaction, and
 * remembers which years the server must still be told of. Returns how many numbers it closed.
 */
export function closeEndedYears(db: Db): number {
  if (!usesLeases(db)) return 0;
  const year = Number(kyivDate(db.now()).slice(0, 4));
  // A read first: a sync takes no write lock before its push unless a year really has ended.
  if (!prepared(db, 'SELECT 1 FROM number_leases WHERE year < ? AND request_id IS NULL LIMIT 1').get(year)) return 0;
  const s = getSettings(db);
  const run = db.sqlite.transaction(() => {
    const free = prepared(db, 'SELECT journal_id, year, seq FROM number_leases WHERE year < ? AND request_id IS NULL ORDER BY journal_id, year, seq').all(year) as {
      journal_id: string;
      year: number;
      seq: number;
    }[];
    if (free.length === 0) return 0;
    const todo = pending(db);
    for (const l of free) {
      const index = formatIndex(s.index.template, { n: l.seq, year: l.year, prefix: s.index.prefix, desk: s.index.deskCode, caseIndex: s.index.caseIndex });
      prepared(db, 'UPDATE number_leases SET request_id = ? WHERE journal_id = ? AND year = ? AND seq = ? AND request_id IS NULL').run(
        unusedMarker(l.journal_id, l.year, index), l.journal_id, l.year, l.seq);
      if (!todo.some((c) => c.journalId === l.journal_id && c.year === l.year)) todo.push({ journalId: l.journal_id, year: l.year });
    }
    setMeta(db, CLOSING, JSON.stringify(todo));
    return free.length;
  });
  return run.immediate();
}

const INSERT = `INSERT INTO events (id, request_id, type, payload, at, desk, "user", hlc)
  SELECT (j->>'id')::uuid, j->>'request_id', j->>'type', j->>'payload', j->>'at', j->>'desk', j->>'user', j->>'hlc'
  FROM jsonb_array_elements($1::jsonb) AS x(j)
  ON CONFLICT (id) DO NOTHING`;

/** Tells the server of every closed year not yet acknowledged: one transaction per journal-year. */
export async function sendClosedYears(db: Db, client: pg.Client): Promise<number> {
  let sent = 0;
  for (const c of pending(db)) {
    const rows = prepared(db, 'SELECT seq, request_id FROM number_leases WHERE journal_id = ? AND year = ? AND request_id LIKE ? ORDER BY seq').all(
      c.journalId, c.year, `${MARK}%`) as { seq: number; request_id: string }[];
    const at = kyivIso(db.now());
    const events = rows.map((r) => {
      db.hlc = tick(db.hlc, db.now().getTime());
      const payload: UnusedPayload = { journalId: c.journalId, year: c.year, series: '', seq: r.seq, index: unusedIndex(c.journalId, c.year, r.request_id)! };
      return {
        id: unusedEventId(c.journalId, c.year, r.seq),
        request_id: r.request_id,
        type: UNUSED_EVENT,
        payload: JSON.stringify(payload),
        at,
        desk: db.deskId,
        user: db.user,
        hlc: formatHlc(db.hlc, db.deskId.slice(0, 8)),
      };
    });
    // Markers pulled from other desks are in the same rows: the server keeps the first of each id
    // and refuses a number leased to another desk, so only this desk's own go in.
    try {
      await client.query('BEGIN');
      await client.query(INSERT, [JSON.stringify(events)]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw connectionError(e);
    }
    sent += events.length;
    setMeta(db, CLOSING, JSON.stringify(pending(db).filter((p) => !(p.journalId === c.journalId && p.year === c.year))));
  }
  return sent;
}

/** A pulled `number_unused` event: its number shows in the journal here too and is never taken. */
export function applyUnused(db: Db, p: UnusedPayload, requestId: string, at: string): void {
  const done = prepared(db, 'INSERT INTO number_leases (journal_id, year, seq, leased_at, request_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
    p.journalId, p.year, p.seq, at, requestId).changes;
  // One of this desk's own leases the server says is unused (its own close, or an adopted identity's).
  if (!done) prepared(db, 'UPDATE number_leases SET request_id = ? WHERE journal_id = ? AND year = ? AND seq = ? AND request_id IS NULL').run(requestId, p.journalId, p.year, p.seq);
}

export interface UnusedNumber {
  journalId: string;
  year: number;
  seq: number;
  index: string;
}

/** The unused reserved numbers of the years whose 31 December falls in [from, to]. */
export function unusedNumbers(db: Db, from: string, to: string): UnusedNumber[] {
  const rows = prepared(db, `SELECT journal_id, year, seq, request_id FROM number_leases WHERE request_id LIKE '${MARK}%' AND (year || '-12-31') BETWEEN ? AND ? ORDER BY journal_id, year, seq`).all(
    from, to) as { journal_id: string; year: number; seq: number; request_id: string }[];
  return rows.flatMap((r) => {
    const index = unusedIndex(r.journal_id, r.year, r.request_id);
    return index === null ? [] : [{ journalId: r.journal_id, year: r.year, seq: r.seq, index }];
  });
}
