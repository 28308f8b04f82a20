import Database from 'better-sqlite3';
import { join } from 'node:path';
import { copyFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDb } from '../../src/main/db/open';
import { verifyRegister } from '../../src/main/services/verify';
import { registerRequest } from '../../src/main/services/registration';
import { getRequest } from '../../src/main/services/queries';
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

describe('upgrade from a 0001 register (journal keyed by its name)', () => {
  // Made by the app as of migration 0001: З-1, З-2 in «запити», then the journal renamed to
  // «вхідні», which restarted numbering at З-1 (issue 8, finding 1).
  const fixture = join(__dirname, '..', 'fixtures', 'register-0001.sqlite');

  it('keys numbering by a stable journal id, marks the file, seals the log and keeps every number', () => {
    const file = join(dir, 'old.sqlite');
    copyFileSync(fixture, file);
    const db = openDb(file, { now: () => new Date('2026-11-24T10:00:00+02:00') });
    try {
      expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      const journals = db.sqlite.prepare('SELECT id, name FROM journals ORDER BY id').all();
      expect(journals).toEqual([
        { id: 'legacy:запити', name: 'запити' },
        { id: 'main', name: 'вхідні' },
      ]);
      const rows = db.sqlite.prepare('SELECT journal_id AS j, incoming_index AS i FROM requests ORDER BY pk').all();
      expect(rows).toEqual([
        { j: 'legacy:запити', i: 'З-1' },
        { j: 'legacy:запити', i: 'З-2' },
        { j: 'main', i: 'З-1' },
      ]);
      expect(db.sqlite.prepare('SELECT count(*) FROM events WHERE mac IS NULL').pluck().get()).toBe(0);
      expect(verifyRegister(db)).toMatchObject({ ok: true, findings: [] });
      // The next number continues past every number any name reached: never З-1 or З-2 again.
      expect(registerRequest(db, sampleRequest({ receivedAt: '2026-11-24T09:00:00+02:00' })).index).toBe('З-3');
      expect(verifyRegister(db).findings).toEqual([]);
      expect(() => db.sqlite.exec("DELETE FROM requests WHERE incoming_index = 'З-3'")).toThrow(/never deleted/);
    } finally {
      db.sqlite.close();
    }
  });
  it('adds the requester\'s fax, the request\'s own date and the executor\'s phone (0005): old rows read as none, new ones keep them', () => {
    const file = join(dir, 'old-0005.sqlite');
    copyFileSync(fixture, file);
    const db = openDb(file, { now: () => new Date('2026-11-24T10:00:00+02:00') });
    try {
      const cols = db.sqlite.prepare("SELECT name FROM pragma_table_info('requests')").pluck().all();
      expect(cols).toEqual(expect.arrayContaining(['fax', 'request_date', 'executor_phone']));
      // The old registrations' events have no such fields: they read as empty, and verify agrees with the rows.
      expect(db.sqlite.prepare('SELECT DISTINCT fax, request_date, executor_phone FROM requests').all()).toEqual([{ fax: '', request_date: null, executor_phone: null }]);
      expect(getRequest(db, { index: 'З-1', year: 2026 })).toMatchObject({ fax: '', requestDate: null });
      const r = registerRequest(db, sampleRequest({ receivedAt: '2026-11-24T09:00:00+02:00', channel: 'fax', replyBy: 'fax', fax: '(03472) 7-11-22', requestDate: '2026-11-20' }));
      expect(getRequest(db, { index: r.index })).toMatchObject({ fax: '(03472) 7-11-22', requestDate: '2026-11-20', phone: '+380 67 123 45 67' });
      expect(verifyRegister(db).findings).toEqual([]);
    } finally {
      db.sqlite.close();
    }
  });
});
