/**
 * Pull: the server's events after this desk's cursor, a page at a time. A page is applied and
 * the cursor moved in one SQLite transaction, so a crash mid-page leaves neither half: the page
 * is fetched again and nothing is missed or applied twice.
 */
import type pg from 'pg';
import type { RequestEvent } from '../../shared/domain';
import { advanceCursor, serverPlace } from '../../shared/sync/cursor';
import { parseHlc, receive } from '../../shared/sync/hlc';
import { AppError } from '../../shared/errors';
import { prepared, type Db } from '../db/open';
import { eventWriter, rowToEvent, type EventColumns } from '../services/eventLog';
import { calendarAndRules } from '../services/projection';
import { PageProjection } from './pageProjection';
import { connectionError } from './push';
import { getCursor, setMeta, SYNC_KEYS } from './state';
import { applyUnused, UNUSED_EVENT, type UnusedPayload } from './yearEnd';

export interface ServerEvent extends EventColumns {
  cursor: number;
  a_name?: string | null;
  a_mime?: string | null;
  a_size?: number | null;
  a_sha256?: string | null;
  a_data?: Buffer | null;
}

export interface PullResult {
  pulled: number;
  cursor: number;
}

// A scan comes down with its event, in the same page.
const PAGE = `SELECT e.cursor::float8 AS cursor, e.id::text AS id, e.request_id, e.type, e.payload, e.at, e.desk, e."user", e.hlc,
    a.name AS a_name, a.mime AS a_mime, a.size AS a_size, a.sha256 AS a_sha256, a.data AS a_data
  FROM events e
  LEFT JOIN attachments a ON e.type = 'attached' AND a.id = (e.payload::jsonb->>'attachmentId')::uuid
  WHERE e.cursor > $1 ORDER BY e.cursor LIMIT $2`;

function applyAttachment(db: Db, e: RequestEvent<'attached'>, r: ServerEvent): void {
  const p = e.payload;
  if (!r.a_data || r.a_data.length !== p.size) throw new AppError('io', `Скан ${p.name} не надійшов із сервера повністю; синхронізацію буде повторено.`);
  prepared(db, 'INSERT OR IGNORE INTO attachments (id, request_id, name, mime, size, sha256, data, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(p.attachmentId, e.requestId, p.name, p.mime, p.size, p.sha256, r.a_data, e.at);
}

/**
 * Applies one page and moves the cursor, all in one transaction. Returns how many events were new
 * here. The projection and the search index are written once per request at the page's end (see
 * pageProjection.ts), still inside the transaction: the cursor never runs ahead of what is applied.
 */
export function applyPage(db: Db, page: ServerEvent[]): number {
  const ctx = calendarAndRules(db);
  const run = db.sqlite.transaction(() => {
    const next = advanceCursor(getCursor(db), page);
    const projection = new PageProjection();
    const news: { e: RequestEvent; r: ServerEvent; syncedAt: string }[] = [];
    for (const r of page) {
      const syncedAt = serverPlace(r.cursor);
      const local = prepared(db, 'SELECT synced_at, request_id FROM events WHERE id = ?').get(r.id) as { synced_at: string | null; request_id: string } | undefined;
      if (local) {
        // Our own event: its acknowledgement was lost (it leaves the outbox), or its place in the
        // server's order is news here. Either way its request folds again in that order.
        if (local.synced_at !== syncedAt) {
          prepared(db, 'UPDATE events SET synced_at = ? WHERE id = ?').run(syncedAt, r.id);
          projection.moved(local.request_id);
        }
        continue;
      }
      if (r.type === UNUSED_EVENT) {
        // Not a request's event: it closes a reserved number (see yearEnd.ts); no log row here.
        applyUnused(db, JSON.parse(r.payload) as UnusedPayload, r.request_id, r.at);
        continue;
      }
      const e = rowToEvent(r);
      if (e.type === 'registered') projection.registered(e as RequestEvent<'registered'>);
      else projection.added(e);
      news.push({ e, r, syncedAt });
    }
    // The new requests' rows first (the events and scans refer to them), then the events in the page's order.
    projection.insertNewRows(db, ctx);
    const append = eventWriter(db);
    for (const { e, r, syncedAt } of news) {
      if (e.type === 'attached') applyAttachment(db, e as RequestEvent<'attached'>, r);
      append(e, syncedAt);
      const remote = parseHlc(e.hlc);
      if (remote) db.hlc = receive(db.hlc, remote, db.now().getTime());
    }
    projection.refoldTouched(db, ctx);
    setMeta(db, SYNC_KEYS.cursor, String(next));
    return news.length;
  });
  return run.immediate();
}

export async function pullEvents(db: Db, client: pg.Client, pageSize = 500): Promise<PullResult> {
  let pulled = 0;
  for (;;) {
    let page: ServerEvent[];
    try {
      page = (await client.query<ServerEvent>(PAGE, [getCursor(db), pageSize])).rows;
    } catch (e) {
      throw connectionError(e);
    }
    if (page.length === 0) break;
    pulled += applyPage(db, page);
  }
  return { pulled, cursor: getCursor(db) };
}
