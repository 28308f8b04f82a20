/** attach: a scan kept in the register with a size limit, listed by show, and carried to every desk by sync. */
import { createHash } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentData } from '../../src/main/services/attachments';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { cli } from '../helpers/cli';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request } from '../helpers/syncDesks';
import { tempDir } from '../helpers/tempDb';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);

describe('attach', () => {
  it('keeps a scan with its request, refuses a non-scan and an oversized file cleanly, and the scan travels with sync', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    const b = makeDesk('B');
    const { index } = registerRequest(a.db, request(1, '2026-11-23T09:00:00+02:00'));
    a.db.sqlite.close();
    const dir = tempDir();
    const [pdf, png, txt, big] = ['scan.pdf', 'answer.png', 'note.txt', 'huge.pdf'].map((f) => join(dir, f)) as [string, string, string, string];
    writeFileSync(pdf, PDF);
    writeFileSync(png, PNG);
    writeFileSync(txt, 'не скан');
    writeFileSync(big, PDF);
    truncateSync(big, 25 * 1024 * 1024);

    const ok = await cli(['attach', '--db', a.file, '--index', index, '--file', pdf, '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.json()).toMatchObject({ index, name: 'scan.pdf', mime: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
    expect((await cli(['attach', '--db', a.file, '--index', index, '--file', png, '--json'])).code).toBe(0);
    const notScan = await cli(['attach', '--db', a.file, '--index', index, '--file', txt, '--json']);
    expect(notScan.code).toBe(2);
    expect(notScan.err).toMatch(/лише скан у форматі PDF, PNG або JPEG/);
    const tooBig = await cli(['attach', '--db', a.file, '--index', index, '--file', big, '--json']);
    expect(tooBig.code).toBe(2);
    expect(tooBig.err).toMatch(/Файл завеликий: 25,0 МБ, а скан може мати щонайбільше 20,0 МБ/);
    const shown = await cli(['show', '--db', a.file, '--index', index, '--json']);
    expect(shown.json().attachments.map((x: { name: string }) => x.name)).toEqual(['scan.pdf', 'answer.png']);
    a.reopen();
    expect(a.db.sqlite.prepare("SELECT count(*) AS n FROM events WHERE type = 'attached'").get()).toEqual({ n: 2 });

    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    const atB = getRequest(b.db, { index });
    expect(atB.attachments.map((x) => x.name)).toEqual(['scan.pdf', 'answer.png']);
    const { data } = attachmentData(b.db, atB.attachments[0]!.id);
    expect(data.equals(PDF)).toBe(true);
    expect(attachmentData(b.db, atB.attachments[1]!.id).data.equals(PNG)).toBe(true);
    expect(registerContent(b.db)).toEqual(registerContent(a.db));
    expect(verifyRegister(b.db).findings).toEqual([]);
  });
});
