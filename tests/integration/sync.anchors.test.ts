/**
 * Issue 8: «the very last event removed with the row counter fixed is found only by the
 * server-anchored checkpoints». A desk syncs (its chain head and checkpoints go to the server);
 * a forger then removes the last event and sets SQLite's counter back, leaving a log the file alone
 * cannot fault. `verify --server` finds it; an honest register passes, also after a restore + sync.
 */
import type { JobInfo } from '../../src/shared/jobs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { refreshProjection } from '../../src/main/services/projection';
import { CHECKPOINT_EVERY } from '../../src/main/services/eventLog';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { verifyWithServer } from '../../src/main/sync/verifyServer';
import { cli } from '../helpers/cli';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { memorySecrets, SyncAgent } from '../../src/main/sync/agent';
import type { Desk } from '../helpers/syncDesks';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, request } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

/**
 * The forger: the desk's file closed, its last event (a note) goes and the counter is set back;
 * nothing else changes. Reopened, the register's own code redraws the projection over what remains.
 */
function removeLastEvent(d: Desk): void {
  d.db.sqlite.close();
  const raw = new Database(d.file);
  raw.exec('DROP TRIGGER events_append_only_delete');
  raw.exec('DELETE FROM events WHERE pos = (SELECT max(pos) FROM events)');
  raw.prepare("UPDATE sqlite_sequence SET seq = (SELECT max(pos) FROM events) WHERE name = 'events'").run();
  raw.exec("CREATE TRIGGER `events_append_only_delete` BEFORE DELETE ON `events` BEGIN SELECT RAISE(ABORT, 'events are append-only'); END");
  raw.close();
  d.reopen();
  for (const id of d.db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[]) refreshProjection(d.db, id);
}

describe('the event chain anchored on the server', () => {
  it('the last event removed with the counter set back: the file passes, verify --server does not', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    const d = makeDesk('A');
    // Past a checkpoint, so both kinds of anchor are sent.
    for (let i = 0; i < CHECKPOINT_EVERY / 2 + 1; i++) {
      const r = registerRequest(d.db, request(i, '2026-11-23T09:00:00+02:00'));
      actOnRequest(d.db, { index: r.index, action: 'note', input: { text: 'Передано' } });
    }
    await syncOnce(d.db, url, { desk: 'A' });
    const anchored = await pgc.sql(dbName, 'SELECT pos::int AS pos FROM chain_anchors ORDER BY pos');
    const head = (d.db.sqlite.prepare('SELECT max(pos) AS p FROM events').get() as { p: number }).p;
    expect(anchored.map((a) => a.pos)).toEqual([CHECKPOINT_EVERY, head]);
    expect(await verifyWithServer(d.db, url)).toMatchObject({ ok: true, anchors: 2, findings: [] });
    // A second sync with nothing new sends nothing new.
    await syncOnce(d.db, url);
    expect(await pgc.sql(dbName, 'SELECT count(*)::int AS n FROM chain_anchors')).toEqual([{ n: 2 }]);
    removeLastEvent(d);
    // The file alone cannot tell: this is what the anchors are for.
    expect(verifyRegister(d.db).findings).toEqual([]);
    d.db.sqlite.close();

    const plain = await cli(['verify', '--db', d.file]);
    expect(plain.code).toBe(0);
    const withServer = await cli(['verify', '--db', d.file, '--server', url]);
    expect(withServer.code).toBe(1);
    expect(withServer.err).toMatch(new RegExp(`З журналу подій вилучено подію [0-9a-f-]{36} \\(позиція ${head}\\), закріплену на сервері`));
    // A server that cannot be reached is said so, not taken for a clean register.
    const away = await cli(['verify', '--db', d.file, '--server', `postgres://postgres@127.0.0.1:1/${dbName}`]);
    expect(away.code).toBe(1);
    expect(away.err).toMatch(/Сервер недоступний/);
  }, 120_000);
  it('the app\'s «Перевірити реєстр» checks the anchors when the desk has a server; a server out of reach is a warning', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    const d = makeDesk('A');
    const appVerify = async (desk: Desk, server: string | null) => {
      const secrets = memorySecrets();
      const agent = new SyncAgent(desk.db, secrets, server);
      try {
        // A job (run in the job worker, on its own connection): followed until it is over, as the screen does.
        const handlers = createHandlers(desk.db, undefined, { agent, secrets });
        const started = await dispatch(handlers, 'register:verify', undefined);
        if (!started.ok) return started;
        for (;;) {
          const status = await dispatch(handlers, 'jobs:status', { id: (started.value as JobInfo).id });
          const job = (status as { value: JobInfo[] }).value[0]!;
          if (job.state === 'done') return { ok: true, value: job.result };
          if (job.state !== 'running') return { ok: false, error: job.error };
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await agent.stop();
      }
    };
    try {
      const last = [0, 1, 2].map((i) => registerRequest(d.db, request(i, '2026-11-23T09:00:00+02:00'))).at(-1)!;
      actOnRequest(d.db, { index: last.index, action: 'note', input: { text: 'Передано' } });
      await syncOnce(d.db, url, { desk: 'A' });
      // No server configured: the file's checks only.
      expect(await appVerify(d, null)).toEqual({ ok: true, value: { ok: true, requests: 3, events: 4, findings: [], anchors: null, warnings: [] } });
      expect(await appVerify(d, url)).toEqual({ ok: true, value: { ok: true, requests: 3, events: 4, findings: [], anchors: 1, warnings: [] } });
      const away = await appVerify(d, `postgres://postgres@127.0.0.1:1/${dbName}`);
      expect(away).toMatchObject({ ok: true, value: { ok: true, findings: [], anchors: null } });
      expect((away as { value: { warnings: string[] } }).value.warnings).toEqual([expect.stringMatching(/^Якорі журналу на сервері спільного реєстру не перевірено: Сервер недоступний/)]);

      // The anchored head removed with the counter set back: the file passes, the app's verify with the server does not.
      removeLastEvent(d);
      expect(verifyRegister(d.db).findings).toEqual([]);
      const forged = await appVerify(d, url);
      expect(forged).toMatchObject({ ok: true, value: { ok: false, anchors: 1, warnings: [] } });
      expect((forged as { value: { findings: string[] } }).value.findings).toEqual([expect.stringMatching(/^З журналу подій вилучено подію [0-9a-f-]{36} \(позиція 4\), закріплену на сервері/)]);
    } finally {
      d.db.sqlite.close();
    }
  }, 120_000);
});
