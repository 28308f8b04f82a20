/**
 * Appending to the event log and keeping the `requests` projection and search index in step.
 * Callers run these inside one transaction with the change they record.
 */
import { createHash, randomUUID } from 'node:crypto';
import { kyivIso } from '../../shared/calendar';
import type { EventPayloads, EventType, RequestEvent } from '../../shared/domain';
import { formatHlc, tick } from '../../shared/sync/hlc';
import { prepared, type Db } from '../db/open';
import { sealOf } from '../db/registerKey';

interface EventRow {
  pos: number;
  id: string;
  request_id: string;
  type: string;
  payload: string;
  at: string;
  desk: string;
  user: string;
  hlc: string;
  hash: string;
  mac: string | null;
}

/** Every this many events the chain's head is sealed into `checkpoints`, for sync to anchor on the server. */
export const CHECKPOINT_EVERY = 100;

/** The canonical text an event's hash covers: every field that defines the event. */
export function eventHash(prevHash: string, e: RequestEvent): string {
  const body = JSON.stringify([e.id, e.requestId, e.type, e.payload, e.at, e.desk, e.user, e.hlc]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export function lastHash(db: Db): string {
  const row = prepared(db, 'SELECT hash FROM events ORDER BY pos DESC LIMIT 1').get() as { hash: string } | undefined;
  return row?.hash ?? '';
}

export function newEvent<T extends EventType>(db: Db, requestId: string, type: T, payload: EventPayloads[T], at?: Date): RequestEvent<T> {
  const now = db.now();
  db.hlc = tick(db.hlc, now.getTime());
  return {
    id: randomUUID(),
    requestId,
    type,
    payload,
    at: kyivIso(at ?? now),
    desk: db.deskId,
    user: db.user,
    hlc: formatHlc(db.hlc, db.deskId.slice(0, 8)),
  };
}

export function insertEvent(db: Db, e: RequestEvent): void {
  const hash = eventHash(lastHash(db), e);
  const { lastInsertRowid } = prepared(
    db, 'INSERT INTO events (id, request_id, type, payload, at, desk, user, hlc, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.id, e.requestId, e.type, JSON.stringify(e.payload), e.at, e.desk, e.user, e.hlc, hash);
  const pos = Number(lastInsertRowid);
  // The seal covers the position too: an event cannot be removed and the rest moved up under old seals.
  const mac = sealOf(db.key, pos, hash);
  prepared(db, 'UPDATE events SET mac = ? WHERE pos = ?').run(mac, pos);
  if (pos % CHECKPOINT_EVERY === 0)
    prepared(db, 'INSERT INTO checkpoints (pos, hash, mac, at) VALUES (?, ?, ?, ?)').run(pos, hash, mac, new Date().toISOString());
}

export const rowToEvent = (r: EventRow): RequestEvent => ({
  id: r.id,
  requestId: r.request_id,
  type: r.type as EventType,
  payload: JSON.parse(r.payload) as EventPayloads[EventType],
  at: r.at,
  desk: r.desk,
  user: r.user,
  hlc: r.hlc,
});

export function loadEvents(db: Db, requestId: string): RequestEvent[] {
  const rows = prepared(db, 'SELECT * FROM events WHERE request_id = ? ORDER BY hlc, id').all(requestId) as EventRow[];
  return rows.map(rowToEvent);
}

export function allEventRows(db: Db): EventRow[] {
  return prepared(db, 'SELECT * FROM events ORDER BY pos').all() as EventRow[];
}
