/**
 * Opens (or creates) a desk's register: pragmas for durability, forward-only migrations, and
 * a refusal to touch a register written by a newer version of the app.
 */
import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { parseHlc, type HlcState } from '../../shared/sync/hlc';
import * as schema from './schema';
import { ensureSearchIndex } from './searchIndex';
import { openSqlite } from './sqlite';

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
}

export interface OpenOptions {
  user?: string;
  now?: () => Date;
  migrationsFolder?: string;
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

export function openDb(file: string, opts: OpenOptions = {}): Db {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(path);
    sqlite.pragma('journal_mode = WAL');
  } catch (e) {
    // The cause keeps SQLite's code (SQLITE_BUSY, SQLITE_NOTADB…) for whoever explains the failure.
    throw Object.assign(new AppError('io', `Не вдалося відкрити реєстр ${path}: ${(e as Error).message}`), { cause: e });
  }
  // FULL: a registration reported as done must survive a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const folder = opts.migrationsFolder ?? migrationsFolder();
  try {
    refuseNewer(sqlite, folder);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: folder });
    ensureSearchIndex(sqlite);
    const deskId = ensureMeta(sqlite, 'desk_id', () => randomUUID());
    const lastHlc = sqlite.prepare('SELECT max(hlc) AS h FROM events').get() as { h: string | null };
    return {
      sqlite,
      orm,
      path,
      deskId,
      user: opts.user ?? process.env.REGISTRY_DESK_USER ?? process.env.USER ?? process.env.USERNAME ?? 'clerk',
      now: opts.now ?? clockFromEnv(),
      hlc: (lastHlc.h && parseHlc(lastHlc.h)) || { millis: 0, counter: 0 },
    };
  } catch (e) {
    sqlite.close();
    if (e instanceof AppError) throw e;
    throw Object.assign(new AppError('io', `Реєстр ${path} пошкоджено або це не реєстр Registry Desk: ${(e as Error).message}`), { cause: e });
  }
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
