/**
 * The shared register's schema on a real PostgreSQL: `server migrate` (twice is harmless), the
 * restricted desk role from the README (append and read, nothing else), and a desk refusing a
 * server newer than it knows or not yet prepared.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../src/main/sync/serverMigrations';
import { syncOnce } from '../../src/main/sync/sync';
import { registerRequest } from '../../src/main/services/registration';
import { cli } from '../helpers/cli';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, request } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

/** The administrator's SQL, exactly as the README gives it. */
function readmeRoleSql(): string {
  const readme = readFileSync('README.md', 'utf8');
  const m = /<!-- desk-role-sql -->\s*```sql\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no desk role SQL block');
  return m[1]!;
}

describe('server migrate', () => {
  it('creates the schema, records it, and a second run changes nothing', async () => {
    const url = await pgc.createDatabase();
    const first = await cli(['server', 'migrate', '--server', url, '--json']);
    expect(first.code, first.err).toBe(0);
    expect(first.json()).toMatchObject({ from: 0, to: SERVER_SCHEMA_VERSION });
    const second = await cli(['server', 'migrate', '--server', url, '--json']);
    expect(second.code, second.err).toBe(0);
    expect(second.json()).toEqual({ from: SERVER_SCHEMA_VERSION, to: SERVER_SCHEMA_VERSION, applied: [] });
    const db = new URL(url).pathname.slice(1);
    const rows = await pgc.sql(db, 'SELECT version FROM server_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SERVER_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a bad URL (exit 2) and an unreachable server (exit 1)', async () => {
    const bad = await cli(['server', 'migrate', '--server', 'http://x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/URI PostgreSQL/);
    const down = await cli(['server', 'migrate', '--server', `postgres://postgres:secret@127.0.0.1:1/none`]);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/Сервер недоступний/);
    expect(down.err).not.toContain('secret');
  });

  it('a desk refuses a server not yet prepared and one newer than it knows, and leaves its register alone', async () => {
    const url = await pgc.createDatabase();
    const desk = makeDesk('A');
    registerRequest(desk.db, request(1, '2026-11-23T10:00:00+02:00'));
    await expect(syncOnce(desk.db, url)).rejects.toThrow(/server migrate/);
    expect((await cli(['server', 'migrate', '--server', url])).code).toBe(0);
    const db = new URL(url).pathname.slice(1);
    await pgc.sql(db, "INSERT INTO server_migrations (version, name) VALUES ($1, 'from the future')", [SERVER_SCHEMA_VERSION + 1]);
    await expect(syncOnce(desk.db, url)).rejects.toThrow(/новіша/);
    expect(desk.db.sqlite.prepare('SELECT count(*) AS n FROM events WHERE synced_at IS NULL').get()).toEqual({ n: 1 });
    const again = await cli(['server', 'migrate', '--server', url]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/новіша/);
  });
});

describe('the desk role of the README', () => {
  it('can append events and read, and can neither change nor delete the log nor write numbers', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    expect((await cli(['server', 'migrate', '--server', url])).code).toBe(0);
    const roleSql = readmeRoleSql().replace(/\bregistry\b/g, dbName);
    await pgc.sql(dbName, roleSql);
    const deskUrl = `postgres://registry_desk:desk-password@127.0.0.1:${pgc.port}/${dbName}`;

    const desk = makeDesk('A');
    registerRequest(desk.db, request(1, '2026-11-23T10:00:00+02:00'));
    const r = await syncOnce(desk.db, deskUrl, { desk: 'A' });
    expect(r).toMatchObject({ pushed: 1, rejected: [] });

    const c = new pg.Client({ connectionString: deskUrl });
    await c.connect();
    try {
      const denied = async (q: string) => {
        await expect(c.query(q)).rejects.toThrow(/permission denied|append-only|must be owner/);
      };
      await denied("UPDATE events SET type = 'voided'");
      await denied('DELETE FROM events');
      await denied('TRUNCATE events');
      await denied("INSERT INTO numbers (request_id, journal_id, year, series, seq, incoming_index, desk) VALUES ('x', 'j', 2026, '', 1, '1', 'd')");
      await denied('DELETE FROM numbers');
      await denied("INSERT INTO number_leases (journal_id, year, seq, desk) VALUES ('main', 2026, 1, 'd')");
      await denied('UPDATE number_counters SET last = 0');
      await denied('DROP TABLE events');
      // The chain's anchors, once sent, stay: a desk cannot take back what verify will compare with.
      await denied('DELETE FROM chain_anchors');
      await denied("UPDATE chain_anchors SET hash = ''");
      await denied('CREATE TABLE mine (x int)');
      expect((await c.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(1);
    } finally {
      await c.end();
    }
    // Even the owner cannot rewrite the log: the triggers guard it.
    await expect(pgc.sql(dbName, "UPDATE events SET type = 'voided'")).rejects.toThrow(/append-only/);
  });
});
