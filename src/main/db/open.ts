/**
 * Opens (or creates) a desk's register: pragmas for durability, forward-only migrations, and
 * a refusal to touch a register written by a newer version of the app.
 */
import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { parseHlc, type HlcState } from '../../shared/sync/hlc';
import { makeFolders, protectRegister } from '../files/outputPath';
import { refuseDuringRestore } from './ownerLock';
import { fileKeyStore, keyFileOf, newKey, sealOf, type KeyStore } from './registerKey';
import { sealedKeyFileOf } from './sealedKeyStore';
import * as schema from './schema';
import { ensureSearchIndex } from './searchIndex';
import { openSqlite } from './sqlite';
// A cycle by design: projection needs `prepared` and `Db` from here; each uses the other only at call time.
import { refreshStaleProjections } from '../services/projection';

/** `PRAGMA application_id` of every register ('RDK1'), set by migration 0002. */
export const APPLICATION_ID = 0x52444b31;

export interface Db {
  sqlite: Database.Database;
  orm: BetterSQLite3Database<typeof schema>;
  path: string;
  /** A stable id of this desk (this register file), written into every event. */
  deskId: string;
  /** Who acts: recorded in every event. */
  user: string;
  /** Injectable so tests and the "today" panel can be checked at any moment. */
  now: () => Date;
  hlc: HlcState;
  /** The chain key (kept outside the file) that seals each event. */
  key: Buffer;
}

export interface OpenOptions {
  user?: string;
  now?: () => Date;
  migrationsFolder?: string;
  /** Where the chain key lives; default: a file beside the register. */
  keyStore?: KeyStore;
}

/** Finds the drizzle folder beside the sources, the bundle, or the packaged app's resources. */
export function migrationsFolder(): string {
  const candidates: string[] = [];
  if (process.env.REGISTRY_DESK_MIGRATIONS) candidates.push(process.env.REGISTRY_DESK_MIGRATIONS);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'drizzle'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'drizzle'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, 'meta', '_journal.json')));
  if (!found) throw new AppError('internal', 'Не знайдено міграції бази даних (папка drizzle)');
  return found;
}

function refuseNewer(sqlite: Database.Database, folder: string): void {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!hasTable) return;
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const known = Math.max(0, ...journal.entries.map((e) => e.when));
  const row = sqlite.prepare('SELECT max(created_at) AS latest, count(*) AS n FROM __drizzle_migrations').get() as { latest: number | null; n: number };
  if ((row.latest ?? 0) > known || row.n > journal.entries.length)
    throw new AppError('conflict', 'Реєстр створено новішою версією Registry Desk. Оновіть програму; реєстр не змінено.');
}

/** Reads the first bytes of a file without opening it as a database (which could write to it). */
export function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const REGISTER_TABLES = ['__drizzle_migrations', 'requests', 'events', 'meta'];

/**
 * Refuses, before anything is written, a file that is not a Registry Desk register: a register
 * carries our application_id; one made before 0002 is recognised by its tables; an empty SQLite
 * file may become a register. Everything else is left exactly as it was.
 */
export function refuseForeignFile(path: string): void {
  if (statSync(path).size === 0) return;
  const head = readHeader(path);
  // 'io' like a damaged register (exit 1): the CLI cannot tell a foreign file from a ruined one.
  const notOurs = `Файл ${path} пошкоджено або це не реєстр Registry Desk; його не змінено. Вкажіть файл реєстру (--db).`;
  if (head.length < 100 || head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw new AppError('io', notOurs);
  const appId = head.readUInt32BE(68);
  if (appId === APPLICATION_ID) return;
  if (appId !== 0) throw new AppError('io', notOurs);
  let names: string[];
  try {
    const ro = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      names = ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    } finally {
      ro.close();
    }
  } catch (e) {
    // A register another process holds exclusively cannot be read now: busy, not foreign.
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code)))
      throw Object.assign(new AppError('conflict', `Реєстр ${path} зайнятий іншим процесом. Спробуйте ще раз.`), { cause: e });
    throw new AppError('io', notOurs);
  }
  if (names.length === 0) return;
  if (!REGISTER_TABLES.every((t) => names.includes(t))) throw new AppError('io', notOurs);
}

/** True for a register (ours by application_id, or made before 0002 and recognised by its tables). */
export function isRegisterFile(path: string): boolean {
  const head = readHeader(path);
  if (head.length < 100) return false;
  if (head.readUInt32BE(68) === APPLICATION_ID) return true;
  if (head.readUInt32BE(68) !== 0) return false;
  try {
    const ro = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      const names = ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      return REGISTER_TABLES.every((t) => names.includes(t));
    } finally {
      ro.close();
    }
  } catch {
    return false;
  }
}

/**
 * A register that existed leaves traces: its chain key, or the copy a restore kept. When those
 * are there and the file is not, starting a fresh register would hand out З-1 again.
 */
export function refuseVanishedRegister(path: string): void {
  const traces: string[] = [];
  if (existsSync(keyFileOf(path))) traces.push(keyFileOf(path));
  if (existsSync(sealedKeyFileOf(path))) traces.push(sealedKeyFileOf(path));
  const dir = dirname(path);
  const kept = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${basename(path)}.before-restore-`)) : [];
  traces.push(...kept.map((f) => join(dir, f)));
  if (traces.length > 0)
    throw new AppError(
      'io',
      `Реєстр ${path} не знайдено, хоча він існував (є ${traces[0]}). Новий порожній реєстр не створено, щоб нумерація не почалася з 1 знову. Відновіть реєстр з резервної копії (restore) або поверніть файл на місце.`,
    );
}

const inode = (path: string): number | null => statSync(path, { throwIfNoEntry: false })?.ino ?? null;

export function openDb(file: string, opts: OpenOptions = {}): Db {
  const path = resolve(file);
  // A restore swaps the file by rename: if it did so while this connection was opening, the
  // connection holds the old file and its writes would be lost, so open again.
  for (let attempt = 0; ; attempt++) {
    const before = inode(path);
    const db = openOnce(path, opts);
    // A file this call created (before === null) cannot have been swapped by a restore meanwhile.
    if (before === null || inode(path) === before || attempt >= 3) return db;
    db.sqlite.close();
  }
}

function openOnce(path: string, opts: OpenOptions): Db {
  refuseDuringRestore(path);
  protectRegister(path);
  if (existsSync(path)) refuseForeignFile(path);
  else refuseVanishedRegister(path);
  try {
    makeFolders(dirname(path));
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося створити папку реєстру ${dirname(path)}: ${(e as Error).message}`);
  }
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(path);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
  } catch (e) {
    // The cause keeps SQLite's code (SQLITE_BUSY, SQLITE_NOTADB…) for whoever explains the failure.
    throw Object.assign(new AppError('io', `Не вдалося відкрити реєстр ${path}: ${(e as Error).message}`), { cause: e });
  }
  // FULL: a registration reported as done must survive a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const folder = opts.migrationsFolder ?? migrationsFolder();
  try {
    refuseNewer(sqlite, folder);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: folder });
    ensureSearchIndex(sqlite);
    const deskId = ensureMeta(sqlite, 'desk_id', () => randomUUID());
    const key = chainKey(sqlite, opts.keyStore ?? fileKeyStore(path));
    const lastHlc = sqlite.prepare('SELECT max(hlc) AS h FROM events').get() as { h: string | null };
    const db: Db = {
      sqlite,
      orm,
      path,
      deskId,
      user: opts.user ?? process.env.REGISTRY_DESK_USER ?? process.env.USER ?? process.env.USERNAME ?? 'clerk',
      now: opts.now ?? clockFromEnv(),
      hlc: (lastHlc.h && parseHlc(lastHlc.h)) || { millis: 0, counter: 0 },
      key,
    };
    refreshStaleProjections(db);
    return db;
  } catch (e) {
    sqlite.close();
    if (e instanceof AppError) throw e;
    throw Object.assign(new AppError('io', `Реєстр ${path} пошкоджено або це не реєстр Registry Desk: ${(e as Error).message}`), { cause: e });
  }
}

/**
 * Loads the chain key, or makes it for a register that has none yet (a new one, or one made
 * before 0002: its events are sealed now). A register whose events are sealed but whose key is
 * gone is refused: a new key would make every old seal look forged.
 */
function chainKey(sqlite: Database.Database, store: KeyStore): Buffer {
  const key = store.load();
  if (key) return key;
  const sealed = sqlite.prepare('SELECT 1 FROM events WHERE mac IS NOT NULL LIMIT 1').get();
  if (sealed)
    throw new AppError('io', `Ключ журналу подій цього реєстру не знайдено (${store.describe()}). Поверніть файл ключа з резервної копії; реєстр не змінено.`);
  const made = newKey();
  // Saved before anything is sealed with it: a key that never reached its store seals nothing.
  store.save(made);
  sqlite
    .transaction(() => {
      const seal = sqlite.prepare('UPDATE events SET mac = ? WHERE pos = ?');
      for (const r of sqlite.prepare('SELECT pos, hash FROM events WHERE mac IS NULL ORDER BY pos').all() as { pos: number; hash: string }[])
        seal.run(sealOf(made, r.pos, r.hash), r.pos);
    })
    .immediate();
  return made;
}

export function ensureMeta(sqlite: Database.Database, key: string, make: () => string): string {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  sqlite.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return (sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
}

/**
 * REGISTRY_DESK_NOW freezes the clock (demos, and tests that seed data through the CLI for a UI
 * running at a fixed moment); it is never set in normal use.
 */
function clockFromEnv(): () => Date {
  const fixed = process.env.REGISTRY_DESK_NOW;
  if (!fixed) return () => new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new AppError('invalid_input', `REGISTRY_DESK_NOW не є моментом часу: ${fixed}`);
  return () => at;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, cached per connection: preparing costs more than running a small
 * statement, and an import runs the same few statements hundreds of thousands of times.
 * Only for statements used as they are (no `pluck()`/`raw()`, which would change the shared object).
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db.sqlite);
  if (!cache) statements.set(db.sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.sqlite.prepare(sql)));
  return st;
}

export function closeDb(db: Db): void {
  if (db.sqlite.open) db.sqlite.close();
}
