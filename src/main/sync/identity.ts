/**
 * One register, one desk. A register file copied to a second computer, or a desk restored from an
 * old backup, would hand out numbers the desk already gave. Two guards stop it before that:
 * - offline: a desk that has joined the shared register remembers where it lives (host and path);
 *   opened anywhere else, or just restored, it refuses to give numbers until a sync clears it;
 * - online: each sync rotates a generation token kept on the server and in the register; a
 *   register whose token is not the server's has been copied or rolled back.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { prepared, type Db } from '../db/open';
import { getMeta, setMeta, SYNC_KEYS } from './state';

export const IDENTITY_KEYS = { hold: 'sync.hold', home: 'sync.home', generation: 'sync.generation', generationNext: 'sync.generation_next' } as const;
const HOLD = IDENTITY_KEYS.hold;
const HOME = IDENTITY_KEYS.home;
const GEN = IDENTITY_KEYS.generation;
const GEN_NEXT = IDENTITY_KEYS.generationNext;

export const homeHere = (db: Db): string => JSON.stringify({ host: hostname(), path: db.path });

const COPY_MESSAGE =
  "Цей реєстр відкрито не там, де його робоче місце востаннє синхронізувалося (інший комп'ютер або папка), або він уже розійшовся зі спільним реєстром: схоже, це копія. Щоб жоден номер не було видано двічі, реєстрацію на ньому зупинено. Працюйте на робочому місці з оригінальним реєстром; для нового робочого місця створіть новий реєстр.";
const RESTORED_MESSAGE =
  'Реєстр відновлено з резервної копії: номери, видані після неї, могли бути вже використані. Реєстрацію призупинено до синхронізації зі спільним реєстром, яка поверне всі видані номери.';

const MOVED_MESSAGE =
  "Цей реєстр перенесено на інший комп'ютер: адміністратор закріпив його там (registry-desk adopt), а цю копію зупинено назавжди, щоб жоден номер не було видано двічі. Працюйте з реєстром на новому комп'ютері.";

/** Why this register may not give numbers now, or null. */
export function numberingHold(db: Db): string | null {
  const hold = getMeta(db, HOLD);
  if (hold === 'restored') return RESTORED_MESSAGE;
  if (hold === 'copy') return COPY_MESSAGE;
  if (hold === 'moved') return MOVED_MESSAGE;
  const home = getMeta(db, HOME);
  if (home && home !== homeHere(db)) return COPY_MESSAGE;
  return null;
}

/** Marks a just-restored register (raw connection: called on the file before it is put in place). */
export function holdRestored(sqlite: { prepare(sql: string): { get(...a: unknown[]): unknown; run(...a: unknown[]): unknown } }): void {
  if (sqlite.prepare('SELECT 1 FROM meta WHERE key = ?').get(SYNC_KEYS.deskName))
    sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, 'restored') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(HOLD);
}

/** The server says this identity was adopted elsewhere: held for good, offline too. */
export function holdAsLeftBehind(db: Db): never {
  setMeta(db, HOLD, 'moved');
  throw new AppError('conflict', MOVED_MESSAGE);
}

/** Before a sync: refuses a copy; a register restored at its own home may sync (the pull brings its numbers back). */
export async function checkIdentity(db: Db, client: pg.Client): Promise<void> {
  const row = (await client.query<{ generation: string | null }>('SELECT generation FROM desks WHERE id = $1', [db.deskId])).rows[0];
  const server = row?.generation ?? null;
  const home = getMeta(db, HOME);
  const moved = home !== undefined && home !== homeHere(db);
  const known = server === null || server === getMeta(db, GEN) || server === getMeta(db, GEN_NEXT);
  if (getMeta(db, HOLD) === 'moved') holdAsLeftBehind(db);
  if (moved || getMeta(db, HOLD) === 'copy') {
    setMeta(db, HOLD, 'copy');
    throw new AppError('conflict', COPY_MESSAGE);
  }
  if (!known && getMeta(db, HOLD) !== 'restored') {
    // Not at a new place, not restored through the app, yet behind the server: a file copied back by hand.
    setMeta(db, HOLD, 'copy');
    throw new AppError('conflict', COPY_MESSAGE);
  }
}

/** After a successful sync: a new generation on the server, then here; the desk's home is fixed. */
export async function rotateGeneration(db: Db, client: pg.Client): Promise<void> {
  const next = randomUUID();
  setMeta(db, GEN_NEXT, next); // if we die after the server's update, the next sync still knows this token
  await client.query('UPDATE desks SET generation = $2 WHERE id = $1', [db.deskId, next]);
  db.sqlite.transaction(() => {
    setMeta(db, GEN, next);
    if (!getMeta(db, HOME)) setMeta(db, HOME, homeHere(db));
    prepared(db, 'DELETE FROM meta WHERE key = ?').run(HOLD);
  })();
}
