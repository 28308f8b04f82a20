/**
 * Push: the outbox (`synced_at IS NULL`) in desk order, in bounded batches, each batch one server
 * transaction. Idempotent by event id (`ON CONFLICT DO NOTHING`): a batch whose reply was lost is
 * simply sent again. An event the server refuses is reported and stepped over, so one bad event
 * never holds back the rest.
 */
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { prepared, type Db } from '../db/open';
import type { EventColumns } from '../services/eventLog';
import { serverPlace } from '../../shared/sync/cursor';

export interface OutboxRow extends EventColumns {
  pos: number;
}

export interface Rejected {
  id: string;
  requestId: string;
  type: string;
  reason: string;
}

export interface PushResult {
  pushed: number;
  rejected: Rejected[];
}

const INSERT = `INSERT INTO events (id, request_id, type, payload, at, desk, "user", hlc)
  SELECT (j->>'id')::uuid, j->>'request_id', j->>'type', j->>'payload', j->>'at', j->>'desk', j->>'user', j->>'hlc'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(j, ord)
  ORDER BY ord
  ON CONFLICT (id) DO NOTHING`;

/** True when the error is about the data (constraint, bad value), not about the connection. */
function isDataError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23') || code === 'P0001');
}

function reasonOf(e: unknown, row: OutboxRow): string {
  const err = e as { code?: string; constraint?: string; message: string };
  if (err.constraint === 'numbers_unique_index' || err.constraint === 'numbers_unique_seq' || err.constraint === 'numbers_pkey') {
    const p = JSON.parse(row.payload) as { index?: string; year?: number };
    return `Номер ${p.index ?? ''} (${p.year ?? ''}) уже видано іншому запиту в спільному реєстрі`;
  }
  if (err.constraint === 'events_request_id_fkey') return 'Запит ще не зареєстровано на сервері (його реєстрацію не прийнято)';
  return `Сервер не прийняв подію: ${err.message}`;
}

export function connectionError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code;
  if (code && !code.startsWith('08') && !code.startsWith('57'))
    return new AppError('io', `Сервер відмовив (${code}): ${(e as Error).message}. Невіддані події залишилися в черзі.`);
  return new AppError('io', `Зв'язок із сервером перервано: ${(e as Error).message}. Невіддані події залишилися в черзі; синхронізація повториться.`);
}

const toRecord = (r: OutboxRow) => ({ id: r.id, request_id: r.request_id, type: r.type, payload: r.payload, at: r.at, desk: r.desk, user: r.user, hlc: r.hlc });

/** Sends one batch in one transaction; on a data error, finds the bad events one by one (savepoints) and sends the rest. */
const INSERT_ATTACHMENT = `INSERT INTO attachments (id, request_id, name, mime, size, sha256, data)
  VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`;

/** A scan goes up in the transaction of its 'attached' event, before it, so no desk sees one without the other. */
async function sendAttachments(db: Db, client: pg.Client, rows: OutboxRow[]): Promise<void> {
  for (const r of rows) {
    if (r.type !== 'attached') continue;
    const id = (JSON.parse(r.payload) as { attachmentId: string }).attachmentId;
    const a = prepared(db, 'SELECT id, request_id, name, mime, size, sha256, data FROM attachments WHERE id = ?').get(id) as
      | { id: string; request_id: string; name: string; mime: string; size: number; sha256: string; data: Buffer }
      | undefined;
    if (a) await client.query(INSERT_ATTACHMENT, [a.id, a.request_id, a.name, a.mime, a.size, a.sha256, a.data]);
  }
}

async function sendBatch(db: Db, client: pg.Client, rows: OutboxRow[]): Promise<Rejected[]> {
  try {
    await client.query('BEGIN');
    // The registrations first (the scans refer to their numbers), then the scans, then the rest.
    const regs = rows.filter((r) => r.type === 'registered');
    if (regs.length) await client.query(INSERT, [JSON.stringify(regs.map(toRecord))]);
    await sendAttachments(db, client, rows);
    await client.query(INSERT, [JSON.stringify(rows.filter((r) => r.type !== 'registered').map(toRecord))]);
    await client.query('COMMIT');
    return [];
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    if (!isDataError(e)) throw connectionError(e);
  }
  const rejected: Rejected[] = [];
  try {
    await client.query('BEGIN');
    for (const r of rows) {
      await client.query('SAVEPOINT one');
      try {
        await sendAttachments(db, client, [r]);
        await client.query(INSERT, [JSON.stringify([toRecord(r)])]);
        await client.query('RELEASE SAVEPOINT one');
      } catch (e) {
        if (!isDataError(e)) throw e;
        await client.query('ROLLBACK TO SAVEPOINT one');
        rejected.push({ id: r.id, requestId: r.request_id, type: r.type, reason: reasonOf(e, r) });
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw connectionError(e);
  }
  return rejected;
}

/** The server's cursor of each event (a replayed one keeps the place it was first given). */
export async function placesOf(client: pg.Client, ids: string[]): Promise<{ id: string; cursor: number }[]> {
  if (ids.length === 0) return [];
  try {
    return (await client.query<{ id: string; cursor: number }>('SELECT id::text AS id, cursor::float8 AS cursor FROM events WHERE id = ANY($1::uuid[])', [ids])).rows;
  } catch (e) {
    throw connectionError(e);
  }
}

export async function pushOutbox(db: Db, client: pg.Client, batchSize = 500): Promise<PushResult> {
  let after = 0;
  let pushed = 0;
  const rejected: Rejected[] = [];
  // Marked with the event's place in the server's order, which is what the fold goes by.
  const mark = db.sqlite.transaction((placed: { id: string; cursor: number }[]) => {
    for (const p of placed) prepared(db, 'UPDATE events SET synced_at = ? WHERE id = ? AND synced_at IS NULL').run(serverPlace(p.cursor), p.id);
  });
  for (;;) {
    const rows = prepared(db, 'SELECT pos, id, request_id, type, payload, at, desk, user, hlc FROM events WHERE synced_at IS NULL AND pos > ? ORDER BY pos LIMIT ?')
      .all(after, batchSize) as OutboxRow[];
    if (rows.length === 0) break;
    const bad = await sendBatch(db, client, rows);
    const badIds = new Set(bad.map((b) => b.id));
    // Only after the server's COMMIT returned: a crash before this line means a harmless re-send.
    const ok = rows.filter((r) => !badIds.has(r.id)).map((r) => r.id);
    mark(await placesOf(client, ok));
    pushed += ok.length;
    rejected.push(...bad);
    after = rows[rows.length - 1]!.pos;
  }
  return { pushed, rejected };
}
