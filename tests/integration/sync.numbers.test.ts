/**
 * Incoming numbers across desks on a real PostgreSQL: the journal's shared series handed out by
 * the server as leased reserves, a desk's own series with `{desk}`, the year's rollover for a desk
 * offline on 31 December, and no number twice or silently skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { LEASE_SIZE } from '../../src/main/sync/leases';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request, type Desk } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

const indexes = (d: Desk) => (d.db.sqlite.prepare('SELECT incoming_index AS i FROM requests ORDER BY year, series, seq').all() as { i: string }[]).map((r) => r.i);
let n = 0;
const reg = (d: Desk, at = '2026-11-23T09:00:00+02:00') => registerRequest(d.db, request(n++, at)).index;

describe('numbers across desks', () => {
  it('the shared series: numbers come from leased reserves, are unique across desks offline, and run out with a clear refusal', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    const a = makeDesk('A', { series: 'shared' });
    const b = makeDesk('B', { series: 'shared' });
    await syncOnce(a.db, url, { desk: 'A' });
    await syncOnce(b.db, url, { desk: 'B' });
    // Offline now: each desk numbers from its own reserve.
    const fromA = [reg(a), reg(a), reg(a)];
    const fromB = [reg(b), reg(b)];
    expect(fromA).toEqual(['З-1', 'З-2', 'З-3']);
    expect(fromB).toEqual([`З-${LEASE_SIZE + 1}`, `З-${LEASE_SIZE + 2}`]);
    for (let i = 3; i < LEASE_SIZE; i++) reg(a);
    const before = registerContent(a.db);
    expect(() => reg(a)).toThrow(/Резерв вхідних номерів на 2026 рік вичерпано/);
    expect(registerContent(a.db)).toEqual(before); // nothing half-written
    for (const d of [a, b, a]) await syncOnce(d.db, url);
    // Refilled: A continues after every number leased so far.
    expect(reg(a)).toBe(`З-${2 * LEASE_SIZE + 1}`);
    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    expect(indexes(a)).toEqual(indexes(b));
    expect(new Set(indexes(a)).size).toBe(indexes(a).length);
    expect(verifyRegister(a.db).findings).toEqual([]);
    expect(verifyRegister(b.db).findings).toEqual([]);
    // No silent gap: every number up to the highest is registered or still held in a desk's reserve.
    const gaps = await pgc.sql(dbName, `SELECT s FROM generate_series(1, (SELECT max(seq) FROM numbers)) s
      WHERE NOT EXISTS (SELECT 1 FROM numbers WHERE seq = s) AND NOT EXISTS (SELECT 1 FROM number_leases WHERE seq = s)`);
    expect(gaps).toEqual([]);
  });

  it('a desk offline on 31 December numbers January from next year\'s reserve', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A', { series: 'shared', now: new Date('2026-12-31T15:00:00Z') });
    const b = makeDesk('B', { series: 'shared', now: new Date('2026-12-31T15:00:00Z') });
    await syncOnce(a.db, url, { desk: 'A' });
    await syncOnce(b.db, url, { desk: 'B' });
    expect(reg(a, '2026-12-31T16:00:00+02:00')).toBe('З-1');
    a.setNow(new Date('2027-01-02T08:00:00Z'));
    b.setNow(new Date('2027-01-02T08:00:00Z'));
    const jan = [reg(a, '2027-01-02T09:00:00+02:00'), reg(b, '2027-01-02T09:30:00+02:00')];
    expect(jan).toEqual(['З-1', `З-${LEASE_SIZE + 1}`]);
    for (const d of [a, b, a]) await syncOnce(d.db, url);
    const years = a.db.sqlite.prepare('SELECT year, incoming_index AS i FROM requests ORDER BY year, seq').all();
    expect(years).toEqual([
      { year: 2026, i: 'З-1' },
      { year: 2027, i: 'З-1' },
      { year: 2027, i: `З-${LEASE_SIZE + 1}` },
    ]);
    expect(registerContent(b.db)).toEqual(registerContent(a.db));
    expect(verifyRegister(b.db).findings).toEqual([]);
  });

  it('own series with {desk}: each desk numbers offline without limit and the numbers never meet', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    const b = makeDesk('B');
    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    for (let i = 0; i < LEASE_SIZE + 5; i++) reg(a);
    reg(b);
    for (const d of [a, b, a]) await syncOnce(d.db, url);
    expect(indexes(a).filter((i) => i.startsWith('A-'))).toHaveLength(LEASE_SIZE + 5);
    expect(indexes(b)).toEqual(indexes(a));
    expect(reg(b)).toBe('B-2');
    expect(verifyRegister(a.db).findings).toEqual([]);
  });
});
