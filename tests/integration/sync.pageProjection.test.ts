/**
 * Issue 9, speed: a pulled page writes each request's projection once (pageProjection.ts). What a
 * desk shows after a pull must be what a full fold from its own log makes — for requests new in
 * the page (folded in memory, with later events of the same page), requests cut across pages,
 * a corrected one, and requests the desk already had. And a number this desk already gave is
 * still refused with words, with nothing of the page applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { calendarAndRules, refreshProjection } from '../../src/main/services/projection';
import { listRequests } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { getCursor } from '../../src/main/sync/state';
import { syncOnce } from '../../src/main/sync/sync';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, request } from '../helpers/syncDesks';
import { tempDir } from '../helpers/tempDb';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

/** The projection and the search entries, keyed by request (the integer keys differ between desks). */
function projection(db: Db) {
  const rows = db.sqlite.prepare('SELECT * FROM requests ORDER BY id').all() as Record<string, unknown>[];
  const search = db.sqlite
    .prepare('SELECT f.request_id, f.incoming_index, f.requester, f.description, f.notes, r.id = f.request_id AS same FROM requests_fts f JOIN requests r ON r.pk = f.rowid ORDER BY f.request_id')
    .all();
  return { rows: rows.map(({ pk: _pk, updated_at: _u, ...r }) => r), search };
}

/** The same register folded again from its own log, request by request. */
function refolded(db: Db) {
  const ctx = calendarAndRules(db);
  db.sqlite.transaction(() => {
    for (const id of db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[]) refreshProjection(db, id, ctx);
  })();
  return projection(db);
}

describe('a pulled page folds each request once', () => {
  it('new requests with later events in the same page, requests cut across pages, a correction, known ones: all as a full fold makes them', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const t = '2026-11-23T09:00:00+02:00';
    const a = makeDesk('A');
    const b = makeDesk('B');
    const c = makeDesk('C');
    try {
      const idx = Array.from({ length: 7 }, (_, i) => registerRequest(a.db, { ...request(i, t), urgent: i === 2, urgentReason: i === 2 ? 'Загроза життю' : '' }).index);
      actOnRequest(a.db, { index: idx[0], action: 'assign', input: { executor: 'Коваль О. М.' } });
      actOnRequest(a.db, { index: idx[0], action: 'note', input: { text: 'Передано на розгляд' } });
      actOnRequest(a.db, { index: idx[1], action: 'correct', input: { changes: { requesterName: 'Петренко Павло' }, reason: 'описка' } });
      actOnRequest(a.db, { index: idx[3], action: 'answer', input: {} });
      actOnRequest(a.db, { index: idx[5], action: 'extend', input: { reason: 'Великий обсяг' }, confirmed: true });
      await syncOnce(a.db, url, { desk: 'A' });
      // C has a request of its own before; B takes small pages (histories cut across them), C one page.
      registerRequest(c.db, request(100, t));
      await syncOnce(b.db, url, { desk: 'B', pageSize: 3 });
      await syncOnce(c.db, url, { desk: 'C' });
      // Later events of requests each desk already has.
      actOnRequest(a.db, { index: idx[6], action: 'assign', input: { executor: 'Бондар Л. П.' } });
      actOnRequest(a.db, { index: idx[1], action: 'answer', input: {} });
      await syncOnce(a.db, url);
      for (const d of [b, c]) await syncOnce(d.db, url);
      await syncOnce(a.db, url);

      const want = projection(a.db);
      expect(want.rows).toHaveLength(8);
      expect(want.search.every((s) => (s as { same: number }).same === 1)).toBe(true);
      for (const d of [a, b, c]) {
        const got = projection(d.db);
        expect(got).toEqual(want);
        expect(refolded(d.db)).toEqual(got);
        expect(verifyRegister(d.db).findings).toEqual([]);
        // The search finds the corrected name, the note and the urgent request's words.
        expect(listRequests(d.db, { search: 'Павло' }).map((r) => r.index)).toEqual([idx[1]]);
        expect(listRequests(d.db, { search: 'розгляд' }).map((r) => r.index)).toEqual([idx[0]]);
      }
    } finally {
      for (const d of [a, b, c]) d.db.sqlite.close();
    }
  }, 180_000);

  it('a pulled registration whose number this desk already gave: refused in words, the page not applied', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const t = '2026-11-23T09:00:00+02:00';
    const a = makeDesk('A');
    // A second desk set up with the same desk code by mistake: its first number is A's first number.
    const twin = makeDesk('A', { dir: tempDir('rd-twin-') });
    try {
      const first = registerRequest(a.db, request(1, t)).index;
      registerRequest(a.db, request(2, t));
      await syncOnce(a.db, url, { desk: 'A' });
      expect(registerRequest(twin.db, request(9, t)).index).toBe(first);
      const err = await syncOnce(twin.db, url, { desk: 'A-2' }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(new RegExp(`Номер ${first} \\(2026\\) у спільному реєстрі належить іншому запиту`));
      expect(getCursor(twin.db)).toBe(0);
      expect(twin.db.sqlite.prepare('SELECT requester_name FROM requests').pluck().all()).toEqual(['Запитувач 9']);
      expect(twin.db.sqlite.prepare("SELECT count(*) FROM events WHERE synced_at IS NOT NULL").pluck().get()).toBe(0);
      expect(verifyRegister(twin.db).findings).toEqual([]);
    } finally {
      a.db.sqlite.close();
      twin.db.sqlite.close();
    }
  }, 120_000);
});
