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

/** An event as the register and the server both store it (the columns sync carries). */
export interface EventColumns {
  id: string;
  request_id: string;
  type: string;
  payload: string;
  at: string;
  desk: string;
  user: string;
  hlc: string;
}

interface EventRow extends EventColumns {
  pos: number;
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

/**
 * Appends events to the chain, one after another, inside the caller's transaction: the chain's
 * head is read once, so a page of pulled events costs one INSERT each (hash, seal and position
 * computed here, not read back). Use it only within one transaction — the head it holds is valid
 * only while no one else can write.
 */
export function eventWriter(db: Db): (e: RequestEvent, syncedAt?: string | null) => void {
  // The chain's head in one statement (a registration appends one event: this runs for each).
  // The position: AUTOINCREMENT's next, past both the counter and the highest row.
  const head = prepared(
    db,
    "SELECT (SELECT hash FROM events ORDER BY pos DESC LIMIT 1) AS hash, max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), coalesce((SELECT max(pos) FROM events), 0)) AS p",
  ).get() as { hash: string | null; p: number };
  let prev = head.hash ?? '';
  let pos = head.p;
  return (e, syncedAt = null) => {
    const hash = eventHash(prev, e);
    pos += 1;
    // The seal covers the position too: an event cannot be removed and the rest moved up under old seals.
    const mac = sealOf(db.key, pos, hash);
    prepared(db, 'INSERT INTO events (pos, id, request_id, type, payload, at, desk, user, hlc, hash, mac, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(pos, e.id, e.requestId, e.type, JSON.stringify(e.payload), e.at, e.desk, e.user, e.hlc, hash, mac, syncedAt);
    if (pos % CHECKPOINT_EVERY === 0)
      prepared(db, 'INSERT INTO checkpoints (pos, hash, mac, at) VALUES (?, ?, ?, ?)').run(pos, hash, mac, new Date().toISOString());
    prev = hash;
  };
}

/** `syncedAt` is set only for events that came from the server (they need no push). */
export function insertEvent(db: Db, e: RequestEvent, syncedAt: string | null = null): void {
  eventWriter(db)(e, syncedAt);
}

export const rowToEvent = (r: EventColumns): RequestEvent => ({
  id: r.id,
  requestId: r.request_id,
  type: r.type as EventType,
  payload: JSON.parse(r.payload) as EventPayloads[EventType],
  at: r.at,
  desk: r.desk,
  user: r.user,
  hlc: r.hlc,
});

const FOLD_ORDER = `SELECT * FROM events WHERE request_id = ?
  ORDER BY CASE WHEN synced_at LIKE 'c:%' THEN 0 ELSE 1 END, CASE WHEN synced_at LIKE 'c:%' THEN synced_at END, hlc, id`;

export function loadEvents(db: Db, requestId: string): RequestEvent[] {
  // The server's order decides (issue 9): events it has, by their place in it; this desk's unsent ones after, by HLC.
  const rows = prepared(db, FOLD_ORDER).all(requestId) as EventRow[];
  return rows.map(rowToEvent);
}

/** The whole log in its order, one row at a time (a statement of its own: the walk may run other reads between rows). */
export function eventRowsInOrder(db: Db): IterableIterator<EventRow> {
  return db.sqlite.prepare('SELECT * FROM events ORDER BY pos').iterate() as IterableIterator<EventRow>;
}
