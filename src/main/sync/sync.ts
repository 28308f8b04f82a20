/**
 * One full sync of a desk with the shared register: check the server's schema, make sure this
 * desk is known by its fixed name, push the outbox, pull everything after the cursor.
 */
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { pullEvents } from './pull';
import { pushOutbox, type Rejected } from './push';
import { refillLeases } from './leases';
import { checkIdentity, holdAsLeftBehind, rotateGeneration } from './identity';
import { checkServerSchema, connectServer } from './server';
import { getMeta, setMeta, SYNC_KEYS } from './state';
import { closeEndedYears, sendClosedYears } from './yearEnd';
import { sendAnchors } from './anchors';
import { restampLegacyPlaces } from './foldOrder';
import type pg from 'pg';

export interface SyncOptions {
  desk?: string;
  batchSize?: number;
  pageSize?: number;
  leaseSize?: number;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
  cursor: number;
  rejected: Rejected[];
}

/** The desk's name: fixed at its first sync, so the shared register always knows who sent what. */
export function deskName(db: Db, wanted?: string): string {
  const stored = getMeta(db, SYNC_KEYS.deskName);
  if (wanted !== undefined && !/^\S.{0,59}$/u.test(wanted)) throw new AppError('invalid_input', 'Назва робочого місця: від 1 до 60 символів, не з пробілу');
  if (stored && wanted !== undefined && wanted !== stored)
    throw new AppError('invalid_input', `Назву робочого місця вже закріплено: «${stored}». Її не змінюють, щоб спільний реєстр знав, хто що надіслав.`);
  return stored ?? wanted ?? db.deskId;
}

async function registerDesk(db: Db, client: pg.Client, id: string, name: string): Promise<void> {
  await client.query('INSERT INTO desks (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, name]);
  const r = await client.query<{ id: string; name: string; retired: boolean }>('SELECT id, name, retired_at IS NOT NULL AS retired FROM desks WHERE id = $1 OR name = $2', [id, name]);
  // This identity was adopted by a register moved elsewhere: this file is the copy left behind.
  if (r.rows.some((d) => d.id === id && d.retired)) holdAsLeftBehind(db);
  const clash = r.rows.find((d) => d.name === name && d.id !== id && !d.retired);
  if (clash) throw new AppError('conflict', `Назва робочого місця «${name}» уже належить іншому робочому місцю спільного реєстру. Оберіть іншу назву (--desk).`);
}

export async function syncWithClient(db: Db, client: pg.Client, opts: SyncOptions = {}): Promise<SyncResult> {
  const name = deskName(db, opts.desk);
  await checkServerSchema(client);
  await registerDesk(db, client, db.deskId, name);
  await checkIdentity(db, client);
  if (getMeta(db, SYNC_KEYS.deskName) === undefined) setMeta(db, SYNC_KEYS.deskName, name);
  // Closed here first, so no registration can take a number the journal will show as unused.
  closeEndedYears(db);
  const push = await pushOutbox(db, client, opts.batchSize);
  await sendClosedYears(db, client);
  await refillLeases(db, client, opts.leaseSize);
  const pull = await pullEvents(db, client, opts.pageSize);
  await restampLegacyPlaces(db, client);
  // After the pull, so the head anchored is the whole log as it now stands.
  await sendAnchors(db, client);
  await rotateGeneration(db, client);
  setMeta(db, SYNC_KEYS.lastSync, new Date().toISOString());
  return { pushed: push.pushed, pulled: pull.pulled, cursor: pull.cursor, rejected: push.rejected };
}

export async function syncOnce(db: Db, url: string, opts: SyncOptions = {}): Promise<SyncResult> {
  deskName(db, opts.desk); // bad input is refused before any connection
  const client = await connectServer(url);
  try {
    return await syncWithClient(db, client, opts);
  } finally {
    await client.end().catch(() => {});
  }
}
