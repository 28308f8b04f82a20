import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { AppError } from '../../src/shared/errors';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-mig-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('creates a fresh register with WAL, foreign keys and the search index', () => {
    const db = openDb(join(dir, 'fresh.sqlite'));
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['requests', 'events', 'counters', 'meta', 'requests_fts']));
    } finally {
      db.sqlite.close();
    }
  });

  it('keeps the event log append-only at the database level', () => {
    const db = openDb(join(dir, 'append.sqlite'));
    try {
      registerRequest(db, sampleRequest());
      expect(() => db.sqlite.exec("UPDATE events SET payload = '{}'")).toThrow(/append-only/);
      expect(() => db.sqlite.exec('DELETE FROM events')).toThrow(/append-only/);
      // Marking an event as synced stays possible.
      db.sqlite.exec("UPDATE events SET synced_at = '2026-11-23T10:00:00Z'");
    } finally {
      db.sqlite.close();
    }
  });

  it('refuses a register written by a newer version and leaves it untouched', () => {
    const file = join(dir, 'future.sqlite');
    openDb(file).sqlite.close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now() + 10 ** 9);
    const before = raw.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get();
    raw.close();
    let err: unknown;
    try {
      openDb(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/новішою версією/);
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual(before);
    again.close();
  });
});
