/**
 * Issue 9: «every number shows in the journal (… a reserved one never used marked as such at the
 * year's end)». Two desks on the shared series and a real PostgreSQL, across 31 December: the
 * numbers each leased for the old year and never used are closed by their own desk at its first
 * sync of the new year, show in every desk's journal (on screen data, CSV, XLSX, PDF) as
 * «зарезервований, не використаний», and can never be given afterwards.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJournal, journalDoc } from '../../src/main/services/journal';
import { listPage, listRequests } from '../../src/main/services/queries';
import type { Db } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { LEASE_SIZE } from '../../src/main/sync/leases';
import { UNUSED_RESULT } from '../../src/shared/journalRows';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { pdfText } from '../helpers/readBack';
import { makeDesk, request, type Desk } from '../helpers/syncDesks';
import { tempDir } from '../helpers/tempDb';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

let n = 0;
const reg = (d: Desk, at: string) => registerRequest(d.db, request(n++, at)).index;
/** The on-screen journal walked page by page as the list scrolls: [index, unused?] newest first. */
function screen(db: Db, q: { month?: string; status?: 'registered' } = {}, limit = 7) {
  const rows: [string, boolean][] = [];
  let after: string | undefined;
  let first: ReturnType<typeof listPage> | undefined;
  do {
    const p = listPage(db, { ...q, limit, ...(after ? { after } : {}) });
    first ??= p;
    rows.push(...p.rows.map((r): [string, boolean] => [r.index, r.unused === true]));
    after = p.next ?? undefined;
  } while (after);
  return { rows, total: first.total, unused: first.unused ?? 0 };
}
const december = (d: Desk) => journalDoc(d.db, { month: '2026-12' }).rows.map((r) => [r.index, r.result]);

describe('reserved numbers at the year end', () => {
  it('two desks across 31 December: the unused reserve of 2026 shows in both journals, the same, and is never given', async () => {
    const url = await pgc.createDatabase();
    const dbName = new URL(url).pathname.slice(1);
    await migrateServer(url);
    const dec31 = new Date('2026-12-31T15:00:00Z');
    const a = makeDesk('A', { series: 'shared', now: dec31 });
    const b = makeDesk('B', { series: 'shared', now: dec31 });
    try {
      await syncOnce(a.db, url, { desk: 'A' });
      await syncOnce(b.db, url, { desk: 'B' });
      expect([reg(a, '2026-12-30T10:00:00+02:00'), reg(a, '2026-12-31T11:00:00+02:00')]).toEqual(['З-1', 'З-2']);
      expect(reg(b, '2026-12-31T12:00:00+02:00')).toBe(`З-${LEASE_SIZE + 1}`);
      await syncOnce(a.db, url);
      await syncOnce(b.db, url);
      // Before the year has ended nothing is closed: the reserve is still the desks' to use.
      expect(december(a).filter((r) => r[1] === UNUSED_RESULT)).toEqual([]);

      // 2 January: A syncs first; B is still offline and numbers January from its 2027 reserve.
      const jan2 = new Date('2027-01-02T08:00:00Z');
      a.setNow(jan2);
      b.setNow(jan2);
      expect(reg(b, '2027-01-02T10:00:00+02:00')).toBe(`З-${LEASE_SIZE + 1}`);
      await syncOnce(a.db, url);
      // A's own leftovers are closed at once, before the server heard of them.
      // A's reserve: 1–20, topped up after its two registrations with 41 and 42 (B had 21–40, then 43).
      const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `З-${from + i}`);
      const fromA = [...range(3, LEASE_SIZE), ...range(2 * LEASE_SIZE + 1, 2 * LEASE_SIZE + 2)];
      expect(december(a).filter((r) => r[1] === UNUSED_RESULT).map((r) => r[0])).toEqual(fromA);
      // A late registration dated in the old year can no longer take one of them.
      expect(() => reg(a, '2026-12-31T16:00:00+02:00')).toThrow(/Резерв вхідних номерів на 2026 рік вичерпано/);

      await syncOnce(b.db, url);
      await syncOnce(a.db, url);
      const fromB = [...range(LEASE_SIZE + 2, 2 * LEASE_SIZE), `З-${2 * LEASE_SIZE + 3}`];
      const unused = new Set([...fromA, ...fromB]);
      // Every 2026 number in order, each either registered or marked unused.
      expect(december(a)).toEqual(range(1, 2 * LEASE_SIZE + 3).map((i) => [i, unused.has(i) ? UNUSED_RESULT : 'зареєстровано']));
      expect(unused.size).toBe(2 * LEASE_SIZE);
      // The journal on screen lists them too, in the journal's order, page by page, the same on both desks.
      const onScreen = screen(a.db, { month: '2026-12' });
      expect(onScreen.rows).toEqual(range(1, 2 * LEASE_SIZE + 3).reverse().map((i) => [i, unused.has(i)]));
      expect(onScreen).toMatchObject({ total: 3, unused: 2 * LEASE_SIZE });
      expect(screen(b.db, { month: '2026-12' }, 100)).toEqual(onScreen);
      expect(listPage(a.db, { month: '2026-12', limit: 100 }).rows.filter((r) => r.unused).every((r) => r.result === UNUSED_RESULT && !r.requesterName)).toBe(true);
      // The whole journal has them below 2027's requests; a status filter or another month shows none; the CLI's list stays requests only.
      expect(screen(a.db).rows.slice(0, 2)).toEqual([[`З-${LEASE_SIZE + 1}`, false], [`З-${2 * LEASE_SIZE + 3}`, true]]);
      expect(screen(a.db).rows.filter((r) => r[1])).toHaveLength(2 * LEASE_SIZE);
      expect(screen(a.db, { status: 'registered' }).rows.some((r) => r[1])).toBe(false);
      expect(screen(a.db, { month: '2026-11' }).rows).toEqual([]);
      expect(listRequests(a.db).some((r) => r.unused)).toBe(false);
      // Every desk shows the same journal, totals included.
      expect(journalDoc(b.db, { month: '2026-12' })).toEqual(journalDoc(a.db, { month: '2026-12' }));
      expect(journalDoc(a.db, { month: '2026-12' }).totals[1]).toBe(`Зарезервовано, але не використано до кінця року номерів: ${2 * LEASE_SIZE}.`);
      // The 2027 journal does not carry 2026's reserve.
      expect(journalDoc(a.db, { month: '2027-01' }).rows.some((r) => r.unused)).toBe(false);

      // The server holds every 2026 number exactly once: 3 registrations and the closed rest, no gap.
      const nums = await pgc.sql(dbName, "SELECT seq, request_id LIKE 'unused:%' AS unused FROM numbers WHERE year = 2026 ORDER BY seq");
      expect(nums.map((r) => r.seq)).toEqual(Array.from({ length: 2 * LEASE_SIZE + 3 }, (_, i) => i + 1));
      expect(nums.filter((r) => !r.unused)).toHaveLength(3);
      // A desk cannot close a number another desk leased.
      await expect(
        pgc.sql(dbName, `INSERT INTO events (id, request_id, type, payload, at, desk, "user", hlc)
          VALUES (gen_random_uuid(), 'unused:main:2027:З-1', 'number_unused', '{"journalId":"main","year":2027,"series":"","seq":1,"index":"З-1"}', 'x', $1, 'u', 'h')`, [b.db.deskId]),
      ).rejects.toThrow(/not leased to desk/);

      // A sync again closes nothing twice; both registers still verify.
      await syncOnce(a.db, url);
      await syncOnce(b.db, url);
      expect((await pgc.sql(dbName, "SELECT count(*)::int AS n FROM events WHERE type = 'number_unused'"))[0]!.n).toBe(2 * LEASE_SIZE);
      for (const d of [a, b]) expect(verifyRegister(d.db).findings).toEqual([]);

      // The exports say it too, the way a person's tools read them.
      const dir = tempDir('rd-yearend-');
      const csv = join(dir, 'j.csv');
      const xlsx = join(dir, 'j.xlsx');
      const pdf = join(dir, 'j.pdf');
      await exportJournal(b.db, { month: '2026-12', format: 'csv', out: csv });
      await exportJournal(b.db, { month: '2026-12', format: 'xlsx', out: xlsx });
      await exportJournal(b.db, { month: '2026-12', format: 'pdf', out: pdf });
      const rows = parse(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
      const unusedCsv = rows.filter((r) => r.includes(UNUSED_RESULT)).map((r) => r[1]);
      expect(unusedCsv).toEqual([...unused].sort((x, y) => Number(x.slice(2)) - Number(y.slice(2))));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
      expect(cells.filter((c) => c === UNUSED_RESULT)).toHaveLength(2 * LEASE_SIZE);
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('не використано до кінця року номерів: 40');
      expect(text.match(/зарезервова-? ?ний, не викори-? ?станий/g)?.length).toBe(2 * LEASE_SIZE);
    } finally {
      a.db.sqlite.close();
      b.db.sqlite.close();
    }
  }, 120_000);
});
