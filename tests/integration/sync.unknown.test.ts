/**
 * Issue 10 across desks: a request imported with an unknown time, channel, form, reply way,
 * signature or result date reaches another desk (through a real PostgreSQL) still unknown — nothing
 * is filled in on the way — and both registers verify clean.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/services/import';
import { getRequest } from '../../src/main/services/queries';
import { getReport } from '../../src/main/services/reports';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk } from '../helpers/syncDesks';
import { tempDir } from '../helpers/tempDb';
import { UNKNOWN_JOURNAL, UNSTATED_JOURNAL } from '../helpers/unknownJournal';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()), 300_000);
afterAll(() => destroyPgCluster(pgc));

describe('unknown values travel between desks', () => {
  it('desk B shows the imported request with the same unknown time, channel and answer date; both verify', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const now = new Date('2026-11-20T08:00:00Z');
    const a = makeDesk('A', { series: 'shared', now });
    const b = makeDesk('B', { series: 'shared', now });
    const file = join(tempDir(), 'old.csv');
    writeFileSync(file, UNKNOWN_JOURNAL);
    expect((await runImport(a.db, { file })).imported).toBe(3);
    // A second journal: unstated form, reply way and signature, results without their dates.
    const second = join(tempDir(), 'old2.csv');
    writeFileSync(second, UNSTATED_JOURNAL);
    expect((await runImport(a.db, { file: second })).imported).toBe(5);
    await syncOnce(a.db, url, { desk: 'A' });
    await syncOnce(b.db, url, { desk: 'B' });
    for (const d of [a, b]) {
      expect(getRequest(d.db, { index: '1' })).toMatchObject({ receivedAt: '2026-11-02T00:00:00+02:00', receivedTimeKnown: false, channel: null, dueAt: '2026-11-04T00:00:00+02:00' });
      const two = getRequest(d.db, { index: '2' });
      expect(two).toMatchObject({ receivedTimeKnown: false, channel: null, status: 'answered' });
      expect(two.state.answer?.date).toBeNull();
      expect(getRequest(d.db, { index: '3' })).toMatchObject({ receivedTimeKnown: true, channel: 'email' });
      const refused = getRequest(d.db, { index: '11' });
      expect(refused).toMatchObject({ form: null, replyBy: null, signed: null, status: 'refused' });
      expect(refused.state.closedOn).toBeNull();
      expect(getRequest(d.db, { index: '13' })).toMatchObject({ signed: false, missing: ['signed'] });
      expect(getReport(d.db, { from: '2026-11-01', to: '2026-11-30' }).totals.byChannel).toMatchObject({ unknown: 2, email: 1, post: 1, in_person: 3, fax: 1 });
      expect(verifyRegister(d.db)).toMatchObject({ ok: true });
    }
  }, 300_000);
});
