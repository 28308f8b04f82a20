/**
 * Push and pull against a real PostgreSQL, adversarially: replays, a lost acknowledgement, a cut
 * connection, out-of-order commits, a kill during apply, and a long offline day. No mock anywhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { pullEvents } from '../../src/main/sync/pull';
import { pushOutbox } from '../../src/main/sync/push';
import { connectServer, migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { outboxSize } from '../../src/main/sync/state';
import { cli } from '../helpers/cli';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request, type Desk } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

async function freshServer(): Promise<{ url: string; name: string }> {
  const url = await pgc.createDatabase();
  await migrateServer(url);
  return { url, name: new URL(url).pathname.slice(1) };
}

const serverCount = async (name: string, where = 'true') => Number((await pgc.sql(name, `SELECT count(*)::int AS n FROM events WHERE ${where}`))[0]!.n);

function registerMany(d: Desk, n: number, from = 0): string[] {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) ids.push(registerRequest(d.db, request(i, '2026-11-23T09:00:00+02:00')).index);
  return ids;
}

/** Polls until `check` holds; the tests wait on conditions, never on the machine's speed. */
async function until(check: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A desk's sync in another process; `ready` once it has opened its register, and it syncs when told `go` on stdin. */
function syncChild(file: string, url: string, batch: number, wait = false): { child: ChildProcess; exited: Promise<string | null>; ready: Promise<void> } {
  const args = [file, url, String(batch), ...(wait ? ['wait'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'fixtures', 'syncChild.ts'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let onReady = () => {};
  const ready = new Promise<void>((res) => (onReady = res));
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('opened\n')) onReady();
  });
  const exited = new Promise<string | null>((res) => child.on('exit', (_code, signal) => res(signal ? null : out)));
  return { child, exited, ready };
}

function expectSameRegister(a: Desk, b: Desk): void {
  expect(registerContent(b.db)).toEqual(registerContent(a.db));
  expect(verifyRegister(a.db).findings).toEqual([]);
  expect(verifyRegister(b.db).findings).toEqual([]);
}

describe('sync scenarios', () => {
  it('1. a duplicate or replayed push leaves one row per event and every outbox empty', async () => {
    const { url, name } = await freshServer();
    const a = makeDesk('A');
    registerMany(a, 30);
    const [c1, c2] = [await connectServer(url), await connectServer(url)];
    try {
      // The same outbox pushed twice at once over two connections.
      const [r1, r2] = await Promise.all([pushOutbox(a.db, c1, 7), pushOutbox(a.db, c2, 7)]);
      expect(r1.rejected).toEqual([]);
      expect(r2.rejected).toEqual([]);
    } finally {
      await c1.end();
      await c2.end();
    }
    expect(await serverCount(name)).toBe(30);
    // Everything sent again, as after a lost reply: the server's rows do not change.
    const b = makeDesk('B');
    await syncOnce(b.db, url);
    a.db.sqlite.prepare('UPDATE events SET synced_at = NULL').run();
    await syncOnce(a.db, url);
    await syncOnce(a.db, url);
    expect(await serverCount(name)).toBe(30);
    await syncOnce(b.db, url);
    expect(outboxSize(a.db)).toBe(0);
    expect(outboxSize(b.db)).toBe(0);
    expectSameRegister(a, b);
  });

  it('2. the reply lost after the server committed: the desk killed before recording it re-pushes without a duplicate, numbers unchanged', async () => {
    const { url, name } = await freshServer();
    const a = makeDesk('A');
    await syncOnce(a.db, url, { desk: 'A' }); // the desk's name is fixed now: the next sync writes nothing locally before its acknowledgement
    const numbers = registerMany(a, 12);
    a.db.sqlite.close();
    const { child, exited, ready } = syncChild(a.file, url, 100, true);
    await ready;
    // Another process holds the register's write lock, so the syncing desk cannot record the acknowledgement.
    const blocker = new Database(a.file);
    blocker.exec('BEGIN IMMEDIATE');
    child.stdin!.end('go\n');
    await until(async () => (await serverCount(name)) === 12, 'the server to commit the batch');
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    blocker.exec('ROLLBACK');
    blocker.close();
    a.reopen();
    expect(outboxSize(a.db)).toBe(12); // the acknowledgement never arrived
    const r = await syncOnce(a.db, url);
    expect(r.pushed).toBe(12);
    expect(await serverCount(name)).toBe(12);
    expect(outboxSize(a.db)).toBe(0);
    expect((a.db.sqlite.prepare('SELECT incoming_index AS i FROM requests ORDER BY seq').all() as { i: string }[]).map((x) => x.i)).toEqual(numbers);
    const onServer = await pgc.sql(name, 'SELECT incoming_index FROM numbers ORDER BY seq');
    expect(onServer.map((x) => x.incoming_index)).toEqual(numbers);
  });

  it('3. a connection cut mid-batch: the batch is all or nothing, and the next sync finishes the work', async () => {
    const { url, name } = await freshServer();
    const a = makeDesk('A');
    registerMany(a, 25);
    const fifteenth = (a.db.sqlite.prepare('SELECT id FROM events ORDER BY pos LIMIT 1 OFFSET 14').get() as { id: string }).id;
    // The server stalls on the 15th event (second batch of 10) until the connection is cut.
    await pgc.sql(name, `CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.id = '${fifteenth}' THEN PERFORM pg_sleep(600); END IF; RETURN NEW; END $$;
      CREATE TRIGGER stall BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stall();`);
    // Caught at once: the rejection arrives while the test is still busy cutting the connection.
    const syncing = syncOnce(a.db, url, { batchSize: 10 }).then(() => null, (e: Error) => e);
    await until(async () => (await pgc.sql(name, "SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()")).length === 1, 'the stalled insert');
    await pgc.sql(name, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()");
    expect((await syncing)?.message).toMatch(/Зв'язок із сервером перервано/);
    expect(await serverCount(name)).toBe(10); // the first batch, none of the second
    expect(outboxSize(a.db)).toBe(15);
    await pgc.sql(name, 'DROP TRIGGER stall ON events');
    const r = await syncOnce(a.db, url, { batchSize: 10 });
    expect(r.pushed).toBe(15);
    expect(await serverCount(name)).toBe(25);
    expect(outboxSize(a.db)).toBe(0);
  });

  it('4. out-of-order commits: a reader pulling while a lower cursor is still uncommitted skips nothing', async () => {
    const { url, name } = await freshServer();
    const [a, b, reader] = [makeDesk('A'), makeDesk('B'), makeDesk('R')];
    registerMany(a, 1);
    registerMany(b, 1, 100);
    // A's transaction inserts first and stays open (as if delayed by pg_sleep), holding the lower cursor.
    const held = await connectServer(url);
    const ev = a.db.sqlite.prepare('SELECT id, request_id, type, payload, at, desk, user, hlc FROM events').get() as Record<string, string>;
    await held.query('BEGIN');
    await held.query(`INSERT INTO events (id, request_id, type, payload, at, desk, "user", hlc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [ev.id, ev.request_id, ev.type, ev.payload, ev.at, ev.desk, ev.user, ev.hlc]);
    // B commits meanwhile (it waits for the register's lock, so it cannot take a cursor ahead of A's).
    const bPush = syncOnce(b.db, url);
    await until(async () => (await pgc.sql(name, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).length === 1, 'B waiting on the lock');
    const early = await syncOnce(reader.db, url);
    expect(early.pulled).toBe(0);
    await held.query('COMMIT');
    await held.end();
    await bPush;
    const late = await syncOnce(reader.db, url);
    expect(late.pulled).toBe(2);
    await syncOnce(a.db, url);
    expect(outboxSize(a.db)).toBe(0);
    const cursors = await pgc.sql(name, 'SELECT desk, cursor::int AS c FROM events ORDER BY cursor');
    expect(cursors.map((r) => r.desk)).toEqual([a.db.deskId, b.db.deskId]);
    expect(registerContent(reader.db).requests).toHaveLength(2);
  });

  it('5. a kill during pull-apply: after restart nothing is missing or applied twice', async () => {
    const { url, name } = await freshServer();
    const a = makeDesk('A');
    registerMany(a, 300);
    await syncOnce(a.db, url);
    const b = makeDesk('B');
    b.db.sqlite.close();
    const watch = new Database(b.file, { readonly: true });
    const cursor = () => Number((watch.prepare("SELECT value FROM meta WHERE key = 'sync.cursor'").get() as { value: string } | undefined)?.value ?? 0);
    let kills = 0;
    for (let round = 0; round < 3 && cursor() < 300; round++) {
      const before = cursor();
      const { child, exited } = syncChild(b.file, url, 7);
      await until(() => cursor() > before || child.exitCode !== null, 'a page applied');
      child.kill('SIGKILL');
      if ((await exited) === null) kills++;
    }
    watch.close();
    expect(kills).toBeGreaterThan(0);
    b.reopen();
    await syncOnce(b.db, url, { pageSize: 7 });
    expect(await serverCount(name)).toBe(300);
    expect(b.db.sqlite.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 300 });
    expectSameRegister(a, b);
  });

  it('9. eight hours offline with 1,000 events: batched push and paged pull complete; the CLI reports an unreachable server and leaves the register alone', async () => {
    const { url, name } = await freshServer();
    const a = makeDesk('A', { now: new Date('2026-11-23T07:00:00Z') });
    const b = makeDesk('B');
    await syncOnce(a.db, url, { desk: 'A' });
    pgc.stop();
    try {
      for (let i = 0; i < 500; i++) {
        a.setNow(new Date(Date.parse('2026-11-23T07:00:00Z') + i * 57_000)); // ~8 hours
        const r = registerRequest(a.db, request(i, new Date(Date.parse('2026-11-23T07:00:00Z') + i * 57_000).toISOString()));
        actOnRequest(a.db, { index: r.index, action: i % 5 === 0 ? 'answer' : 'assign', input: i % 5 === 0 ? {} : { executor: `Виконавець ${i}` } });
      }
      expect(outboxSize(a.db)).toBe(1000);
      const before = registerContent(a.db);
      a.db.sqlite.close();
      const down = await cli(['sync', '--db', a.file, '--server', url, '--json']);
      expect(down.code).toBe(1);
      expect(down.out).toBe('');
      expect(down.err).toMatch(/Сервер недоступний/);
      a.reopen();
      expect(registerContent(a.db)).toEqual(before);
    } finally {
      pgc.start();
    }
    a.db.sqlite.close();
    const up = await cli(['sync', '--db', a.file, '--server', url, '--desk', 'A', '--json']);
    expect(up.code, up.err).toBe(0);
    expect(up.json()).toMatchObject({ pushed: 1000, pulled: 0 });
    expect(up.json().cursor).toBeGreaterThanOrEqual(1000);
    a.reopen();
    const client = await connectServer(url);
    try {
      const r = await pullEvents(b.db, client, 64);
      expect(r.pulled).toBe(1000);
    } finally {
      await client.end();
    }
    expect(await serverCount(name)).toBe(1000);
    expectSameRegister(a, b);
    expect(outboxSize(a.db)).toBe(0);
  });
});
