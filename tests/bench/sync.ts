/**
 * Sync: pushing 10,000 events from one desk and pulling them into a second, next to a bare `pg`
 * batch insert of the same rows plus a bare SQLite insert of them (one transaction per page).
 * A throwaway PostgreSQL cluster is started for the run, as the sync tests do.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { updateSettings } from '../../src/main/services/settings';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { destroyPgCluster, startPgCluster } from '../helpers/pgCluster';
import { tempDir } from '../helpers/tempDb';
import { vsRaw, type Suite } from './harness';

const suite: Suite = async ({ quick }) => {
  // The bench's --quick runs a tenth of the events, once.
  const [EVENTS, RUNS] = quick ? [1000, 1] : [10_000, 3];
  const cluster = await startPgCluster();
  const dir = tempDir('rd-bench-sync-');
  try {
    const a = openDb(join(dir, 'a.sqlite'), { now: () => new Date('2026-11-23T08:00:00Z') });
    updateSettings(a, { index: { template: '{desk}-{n}', deskCode: 'A' } });
    a.sqlite.pragma('synchronous = OFF'); // setup only
    for (let i = 0; i < EVENTS; i++)
      registerRequest(a, { receivedAt: '2026-11-23T09:00:00+02:00', channel: 'email', requesterName: `Запитувач ${i}`, email: `u${i}@example.com`, description: `Запит ${i} про бюджет громади` });
    a.sqlite.pragma('synchronous = FULL');
    const rows = a.sqlite.prepare('SELECT id, request_id, type, payload, at, desk, user, hlc FROM events ORDER BY pos').all() as Record<string, string>[];

    const ours: number[] = [];
    const raw: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      // Ours: a fresh server, A's outbox full again, an empty desk B.
      const url = await cluster.createDatabase(`ours${run}`);
      await migrateServer(url);
      a.sqlite.prepare('UPDATE events SET synced_at = NULL').run();
      const b = openDb(join(dir, `b${run}.sqlite`));
      let t0 = performance.now();
      await syncOnce(a, url);
      await syncOnce(b, url);
      const oursMs = performance.now() - t0;
      b.sqlite.close();

      // Raw: the same rows into a bare table with `pg`, in batches of 500, then into bare SQLite.
      const rawUrl = await cluster.createDatabase(`raw${run}`);
      const c = new pg.Client({ connectionString: rawUrl });
      await c.connect();
      await c.query('CREATE TABLE ev (cursor bigserial, id uuid PRIMARY KEY, request_id text, type text, payload text, at text, desk text, "user" text, hlc text)');
      const s = new Database(join(dir, `raw${run}.sqlite`));
      s.pragma('journal_mode = WAL');
      s.pragma('synchronous = FULL');
      s.exec('CREATE TABLE ev (pos INTEGER PRIMARY KEY, id TEXT UNIQUE, request_id TEXT, type TEXT, payload TEXT, at TEXT, desk TEXT, user TEXT, hlc TEXT)');
      const ins = s.prepare('INSERT INTO ev (id, request_id, type, payload, at, desk, user, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const page = s.transaction((xs: Record<string, string>[]) => xs.forEach((r) => ins.run(r.id, r.request_id, r.type, r.payload, r.at, r.desk, r.user, r.hlc)));
      t0 = performance.now();
      for (let i = 0; i < rows.length; i += 500) {
        await c.query(
          `INSERT INTO ev (id, request_id, type, payload, at, desk, "user", hlc) SELECT (j->>'id')::uuid, j->>'request_id', j->>'type', j->>'payload', j->>'at', j->>'desk', j->>'user', j->>'hlc' FROM jsonb_array_elements($1::jsonb) j`,
          [JSON.stringify(rows.slice(i, i + 500))],
        );
      }
      for (let i = 0; i < rows.length; i += 500) {
        const got = (await c.query('SELECT id::text AS id, request_id, type, payload, at, desk, "user", hlc FROM ev WHERE cursor > $1 ORDER BY cursor LIMIT 500', [i])).rows;
        page(got);
      }
      const rawMs = performance.now() - t0;
      await c.end();
      s.close();
      if (run > 0) {
        ours.push(oursMs);
        raw.push(rawMs);
      }
    }
    a.sqlite.close();
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const [o, r] = [med(ours), med(raw)];
    return { sync: vsRaw(`push ${EVENTS} events + pull into a second desk, vs bare pg batch + SQLite inserts`, o, r, '≤ 3×', { ratio: 3 }) };
  } finally {
    destroyPgCluster(cluster);
    rmSync(dir, { recursive: true, force: true });
  }
};
export default suite;
