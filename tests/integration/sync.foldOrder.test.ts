/**
 * Issue 9: «the server's order decides». Two desks change the same request while apart; the one
 * whose clock runs an hour ahead acts first in true time and reaches the server first. The fold on
 * every desk follows the server's order (the later commit wins), not the HLC that the skewed clock
 * would have put last. Unsent local events fold after the server's, and a register synced before
 * this change is re-stamped once and folds the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

const HOUR = 3_600_000;
const executor = (db: ReturnType<typeof makeDesk>['db'], index: string) =>
  (db.sqlite.prepare('SELECT executor FROM requests WHERE incoming_index = ?').get(index) as { executor: string | null }).executor;

describe('fold order', () => {
  it('the later commit on the server wins on every desk, whatever the clocks say', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    let t = Date.parse('2026-11-23T07:00:00Z');
    const a = makeDesk('A', { skewMs: HOUR, now: new Date(t) });
    const b = makeDesk('B', { now: new Date(t) });
    const tick = () => {
      t += 5 * 60_000;
      a.setNow(new Date(t));
      b.setNow(new Date(t));
    };
    try {
      await syncOnce(a.db, url, { desk: 'A' });
      await syncOnce(b.db, url, { desk: 'B' });
      const r = registerRequest(b.db, request(1, new Date(t).toISOString()));
      await syncOnce(b.db, url);
      await syncOnce(a.db, url);

      tick();
      actOnRequest(a.db, { index: r.index, action: 'assign', input: { executor: 'Коваль О. М.' } });
      tick();
      actOnRequest(b.db, { index: r.index, action: 'assign', input: { executor: 'Петренко І. В.' } });
      // Unsent here: each desk folds its own change last.
      expect(executor(a.db, r.index)).toBe('Коваль О. М.');
      expect(executor(b.db, r.index)).toBe('Петренко І. В.');
      // A reaches the server first, B after: B's assignment is the later one in the server's order…
      await syncOnce(a.db, url);
      await syncOnce(b.db, url);
      await syncOnce(a.db, url);
      const order = await pgc.sql(dbName, "SELECT payload::jsonb->>'executor' AS e, hlc FROM events WHERE type = 'assigned' ORDER BY cursor");
      expect(order.map((o) => o.e)).toEqual(['Коваль О. М.', 'Петренко І. В.']);
      // …though A's clock gave its own the later HLC.
      expect(order[0]!.hlc > order[1]!.hlc).toBe(true);
      for (const d of [a, b]) {
        expect(executor(d.db, r.index)).toBe('Петренко І. В.');
        expect(verifyRegister(d.db).findings).toEqual([]);
      }
      expect(registerContent(a.db).requests).toEqual(registerContent(b.db).requests);

      // A register synced before the fold went by the server's order: timestamps, not places.
      const before = registerContent(a.db);
      a.db.sqlite.prepare("UPDATE events SET synced_at = '2026-11-23T07:30:00.000Z' WHERE synced_at IS NOT NULL").run();
      a.db.sqlite.prepare("DELETE FROM meta WHERE key = 'sync.fold_order'").run();
      await syncOnce(a.db, url);
      expect(a.db.sqlite.prepare("SELECT count(*) AS n FROM events WHERE synced_at NOT LIKE 'c:%'").get()).toEqual({ n: 0 });
      expect(registerContent(a.db)).toEqual(before);
      expect(verifyRegister(a.db).findings).toEqual([]);
    } finally {
      a.db.sqlite.close();
      b.db.sqlite.close();
    }
  }, 120_000);
});
