/**
 * Removing a scan is an event that syncs: the desk that had it stops listing it, a desk that joins
 * later still receives the scan's bytes with its 'attached' event (the server and the register are
 * append-only) and folds the removal the same way; every desk's register verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachBytes, attachmentData, removeAttachment } from '../../src/main/services/attachments';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, request } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('scan removal across desks', () => {
  it('A removes a scan B already has; C joins afterwards: neither lists it, both hold its bytes, all verify', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const [a, b, c] = ['A', 'B', 'C'].map((n) => makeDesk(n)) as [ReturnType<typeof makeDesk>, ReturnType<typeof makeDesk>, ReturnType<typeof makeDesk>];
    const { index } = registerRequest(a.db, request(1, '2026-11-23T09:00:00+02:00'));
    const scan = attachBytes(a.db, { index }, 'scan.pdf', PDF);
    const kept = attachBytes(a.db, { index }, 'answer.pdf', Buffer.concat([PDF, Buffer.from('%answer\n')]));
    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    expect(getRequest(b.db, { index }).attachments.map((x) => x.name)).toEqual(['scan.pdf', 'answer.pdf']);

    removeAttachment(a.db, { index, attachmentId: scan.id, reason: 'Не той запит' });
    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    await syncOnce(c.db, url);
    for (const d of [a, b, c]) {
      const v = getRequest(d.db, { index });
      expect(v.attachments.map((x) => x.id)).toEqual([kept.id]);
      expect(v.events.filter((e) => e.type === 'attachment_removed').map((e) => e.payload)).toEqual([{ attachmentId: scan.id, name: 'scan.pdf', reason: 'Не той запит' }]);
      expect(attachmentData(d.db, scan.id).data.equals(PDF)).toBe(true);
      expect(verifyRegister(d.db).findings).toEqual([]);
    }
  }, 120_000);
});
