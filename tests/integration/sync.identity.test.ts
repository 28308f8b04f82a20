/**
 * Scenario 10: a register copied to a second desk, and a desk restored from an old backup, are
 * stopped before they give a number twice, with a clear message; the original desk works on.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { backupRegister } from '../../src/main/services/backup';
import { verifyWithServer } from '../../src/main/sync/verifyServer';
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

let n = 0;
const at = '2026-11-23T09:00:00+02:00';

describe('one register, one desk', () => {
  it('a register copied to a second computer refuses to number, offline and at sync; the original works on', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    registerRequest(a.db, request(n++, at));
    await syncOnce(a.db, url, { desk: 'A' });
    a.db.sqlite.close();
    const elsewhere = join(tempDir(), 'second-pc');
    mkdirSync(elsewhere);
    const copyFile = join(elsewhere, 'A.sqlite');
    copyFileSync(a.file, copyFile);
    copyFileSync(`${a.file}.key`, `${copyFile}.key`); // a whole copy: the register and its key
    a.reopen();

    const copy = openDb(copyFile, { now: () => new Date('2026-11-23T08:00:00Z') });
    const before = registerContent(copy);
    expect(() => registerRequest(copy, request(n++, at))).toThrow(/схоже, це копія.*реєстрацію на ньому зупинено/s);
    expect(registerContent(copy)).toEqual(before);
    await expect(syncOnce(copy, url)).rejects.toThrow(/копія/);
    copy.sqlite.close();
    const viaCli = await cli(['register', '--db', copyFile, '--input', '-', '--json'], JSON.stringify(request(n++, at)));
    expect(viaCli.code).toBe(2);
    expect(viaCli.err).toMatch(/копія/);

    expect(registerRequest(a.db, request(n++, at)).index).toBe('A-2');
    await syncOnce(a.db, url);
    expect(verifyRegister(a.db).findings).toEqual([]);
  });

  it('a desk restored from an old backup holds numbering until a sync brings back the numbers it gave since', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    registerRequest(a.db, request(n++, at));
    await syncOnce(a.db, url, { desk: 'A' });
    const backup = join(tempDir(), 'old.sqlite');
    await backupRegister(a.db, backup);
    const later = [registerRequest(a.db, request(n++, at)).index, registerRequest(a.db, request(n++, at)).index];
    expect(later).toEqual(['A-2', 'A-3']);
    await syncOnce(a.db, url);
    a.db.sqlite.close();

    const restored = await cli(['restore', '--db', a.file, '--from', backup, '--json']);
    expect(restored.code, restored.err).toBe(0);
    a.reopen();
    expect(() => registerRequest(a.db, request(n++, at))).toThrow(/відновлено з резервної копії/);
    await syncOnce(a.db, url);
    // The sync brought back: the next number follows them.
    expect(registerRequest(a.db, request(n++, at)).index).toBe('A-4');
    expect(verifyRegister(a.db).findings).toEqual([]);
    // The anchors of the later log name events the sync brought back: the restored register holds against them.
    await syncOnce(a.db, url);
    expect(await verifyWithServer(a.db, url)).toMatchObject({ ok: true, findings: [] });
  });

  it('a register file put back by hand behind the server is caught at its next sync', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    await syncOnce(a.db, url, { desk: 'A' });
    a.db.sqlite.close();
    const old = join(tempDir(), 'by-hand.sqlite');
    copyFileSync(a.file, old);
    a.reopen();
    registerRequest(a.db, request(n++, at));
    await syncOnce(a.db, url);
    a.db.sqlite.close();
    copyFileSync(old, a.file);
    a.reopen();
    await expect(syncOnce(a.db, url)).rejects.toThrow(/копія/);
    expect(() => registerRequest(a.db, request(n++, at))).toThrow(/копія/);
  });
});
