/**
 * A register moved to a new computer on purpose. Opened at its new place it is held like any copy
 * (identity.ts), which is right until someone who knows says otherwise: the administrator, with
 * `registry-desk adopt --db F --server URL` at the new computer. Adopting:
 * 1. sends what the register still owes the server under its old identity (outbox, closed years);
 * 2. in one server transaction retires the old desk identity (it is never leased a number again,
 *    and the copy left behind is held for good at its next contact) and registers a new identity
 *    under the same desk name;
 * 3. in one local transaction takes the new identity, sets aside the old identity's unused leases
 *    (the copy left behind may have used them offline, so they are never used here) and fixes the
 *    register's home here; then a normal sync leases fresh numbers.
 * A crash between 2 and 3 is safe: the new identity is chosen and kept here before the server hears
 * of it, and running adopt again finds the server already done and finishes the local part.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { prepared, type Db } from '../db/open';
import { homeHere, IDENTITY_KEYS } from './identity';
import { pushOutbox } from './push';
import { checkServerSchema, connectServer } from './server';
import { getMeta, setMeta, SYNC_KEYS } from './state';
import { syncWithClient, type SyncResult } from './sync';
import { closeEndedYears, sendClosedYears } from './yearEnd';

const ADOPTING = 'sync.adopting';
const ANCHORED = 'sync.anchored_pos';

export interface AdoptResult {
  oldDesk: string;
  newDesk: string;
  name: string;
  /** The old identity's leased numbers set aside here, never to be used. */
  setAside: number;
  sync: SyncResult;
}

async function retireOnServer(client: pg.Client, oldId: string, newId: string, name: string, generation: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const row = (await client.query<{ retired: boolean; successor: string | null }>('SELECT retired_at IS NOT NULL AS retired, successor FROM desks WHERE id = $1 FOR UPDATE', [oldId])).rows[0];
    if (!row) throw new AppError('conflict', 'Спільний реєстр не знає цього робочого місця: переносити нічого, просто синхронізуйте реєстр.');
    if (row.retired && row.successor !== newId)
      throw new AppError('conflict', "Цей реєстр уже закріплено на іншому комп'ютері; ця копія лишається зупиненою. Для нового робочого місця створіть новий реєстр.");
    if (!row.retired) await client.query('UPDATE desks SET retired_at = now(), successor = $2 WHERE id = $1', [oldId, newId]);
    await client.query('INSERT INTO desks (id, name, generation) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET generation = excluded.generation', [newId, name, generation]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    if ((e as { code?: string }).code === '42501')
      throw new AppError('invalid_input', 'Переносити реєстр може лише адміністратор: вкажіть адресу сервера з роллю власника бази (registry_admin), не робочого місця.');
    throw e;
  }
}

export async function adoptWithClient(db: Db, client: pg.Client): Promise<AdoptResult> {
  const name = getMeta(db, SYNC_KEYS.deskName);
  if (!name) throw new AppError('invalid_input', 'Реєстр ще не синхронізувався зі спільним реєстром: переносити нічого, просто синхронізуйте його (sync --desk НАЗВА).');
  if (getMeta(db, IDENTITY_KEYS.hold) === 'moved') throw new AppError('conflict', "Цей реєстр — копія, залишена після перенесення на інший комп'ютер; її не закріплюють вдруге.");
  await checkServerSchema(client);
  const oldId = db.deskId;
  // Chosen and kept before the server hears of it, so a crash cannot leave two different successors.
  const pending = JSON.parse(getMeta(db, ADOPTING) ?? 'null') as { newId: string; generation: string } | null;
  const next = pending ?? { newId: randomUUID(), generation: randomUUID() };
  if (!pending) setMeta(db, ADOPTING, JSON.stringify(next));
  // What the old identity owes the server goes up under it, while it may still send.
  closeEndedYears(db);
  await pushOutbox(db, client);
  await sendClosedYears(db, client);
  await retireOnServer(client, oldId, next.newId, name, next.generation);
  const setAside = db.sqlite.transaction(() => {
    const n = prepared(db, "UPDATE number_leases SET request_id = 'retired:' || ? WHERE request_id IS NULL").run(oldId).changes;
    prepared(db, "UPDATE meta SET value = ? WHERE key = 'desk_id'").run(next.newId);
    setMeta(db, IDENTITY_KEYS.generation, next.generation);
    setMeta(db, IDENTITY_KEYS.generationNext, next.generation);
    setMeta(db, IDENTITY_KEYS.home, homeHere(db));
    setMeta(db, ANCHORED, '0'); // the new identity anchors the whole chain afresh
    prepared(db, 'DELETE FROM meta WHERE key IN (?, ?)').run(IDENTITY_KEYS.hold, ADOPTING);
    return n;
  }).immediate();
  db.deskId = next.newId;
  const sync = await syncWithClient(db, client);
  return { oldDesk: oldId, newDesk: next.newId, name, setAside, sync };
}

export async function adoptRegister(db: Db, url: string): Promise<AdoptResult> {
  const client = await connectServer(url);
  try {
    return await adoptWithClient(db, client);
  } finally {
    await client.end().catch(() => {});
  }
}
