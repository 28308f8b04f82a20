/**
 * Issue 9: a register moved to a new computer on purpose. Copied, it is held before numbering (as
 * any copy); the administrator adopts it at its new place; it numbers again from a fresh reserve,
 * never touching the numbers its old identity held; the copy left behind is held for good.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { keyFileOf } from '../../src/main/db/registerKey';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { cli } from '../helpers/cli';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, request } from '../helpers/syncDesks';
import { tempDir } from '../helpers/tempDb';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

let n = 0;
const at = '2026-11-23T09:00:00+02:00';
const now = () => new Date('2026-11-23T08:00:00Z');

describe('a register moved on purpose', () => {
  it('copied: held; adopted: numbers again with no repeat; the copy left behind stays held', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    const a = makeDesk('A', { series: 'shared' });
    const b = makeDesk('B', { series: 'shared' });
    await syncOnce(a.db, url, { desk: 'reception' });
    await syncOnce(b.db, url, { desk: 'second' });
    expect([registerRequest(a.db, request(n++, at)).index, registerRequest(a.db, request(n++, at)).index]).toEqual(['З-1', 'З-2']);
    await syncOnce(a.db, url);
    const oldId = a.db.deskId;
    const oldLeases = new Set((a.db.sqlite.prepare('SELECT seq FROM number_leases WHERE request_id IS NULL').pluck().all() as number[]));
    expect(oldLeases.size).toBe(20);
    a.db.sqlite.close();

    // The register and its key go to the new computer (here: another folder).
    const moved = join(tempDir('rd-moved-'), 'desk.sqlite');
    copyFileSync(a.file, moved);
    copyFileSync(keyFileOf(a.file), keyFileOf(moved));
    let m = openDb(moved, { now, user: 'clerk-moved' });
    expect(() => registerRequest(m, request(n++, at))).toThrow(/схоже, це копія/);
    m.sqlite.close();

    const adopted = await cli(['adopt', '--db', moved, '--server', url, '--json']);
    expect(adopted.code, adopted.err).toBe(0);
    const r = adopted.json();
    expect(r).toMatchObject({ oldDesk: oldId, name: 'reception', setAside: 20 });
    expect(r.newDesk).not.toBe(oldId);

    m = openDb(moved, { now, user: 'clerk-moved' });
    const fresh = [registerRequest(m, request(n++, at)).index, registerRequest(m, request(n++, at)).index];
    // A fresh reserve: none of the numbers the old identity held (its copy could have used them offline).
    for (const i of fresh) expect(oldLeases.has(Number(i.slice(2)))).toBe(false);
    await syncOnce(m, url);
    expect(verifyRegister(m).findings).toEqual([]);
    m.sqlite.close();

    // The copy left behind, at its old place: stopped at its next contact, and for good after.
    a.reopen();
    await expect(syncOnce(a.db, url)).rejects.toThrow(/перенесено на інший комп'ютер/);
    a.reopen();
    expect(() => registerRequest(a.db, request(n++, at))).toThrow(/перенесено на інший комп'ютер/);
    // It cannot be adopted back either.
    a.db.sqlite.close();
    const again = await cli(['adopt', '--db', a.file, '--server', url]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/копія, залишена після перенесення/);
    // The retired identity is never leased a number again.
    await expect(pgc.sql(dbName, "SELECT lease_numbers($1, 'main', 2026, 20)", [oldId])).rejects.toThrow(/retired/);

    // Everyone converges: every index once, the moved desk's numbers among them.
    await syncOnce(b.db, url);
    registerRequest(b.db, request(n++, at));
    await syncOnce(b.db, url);
    const numbers = await pgc.sql(dbName, "SELECT incoming_index AS i FROM numbers WHERE request_id NOT LIKE 'unused:%'");
    const all = numbers.map((x) => x.i as string);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['З-1', 'З-2', ...fresh]));
    expect(verifyRegister(b.db).findings).toEqual([]);
    b.db.sqlite.close();
  }, 120_000);
});
