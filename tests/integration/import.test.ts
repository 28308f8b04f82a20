import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { previewImport, runImport } from '../../src/main/services/import';
import { exportJournal, journalDoc } from '../../src/main/services/journal';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { fillMonth } from '../helpers/journalFixture';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-12-02T10:00:00+02:00');
});
afterEach(() => t.close());

const count = () => t.db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get() as number;
const cp1251 = (s: string) => {
  // Node has no cp1251 encoder; the Ukrainian letters used here map to fixed code points.
  const map: Record<string, number> = { і: 0xb3, І: 0xb2, ї: 0xbf, Ї: 0xaf, є: 0xba, Є: 0xaa, ґ: 0xb4, Ґ: 0xa5, '№': 0xb9, '«': 0xab, '»': 0xbb };
  return Buffer.from([...s].map((ch) => {
    const c = ch.charCodeAt(0);
    if (c < 128) return c;
    if (map[ch] !== undefined) return map[ch]!;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    throw new Error(`no cp1251 for ${ch}`);
  }));
};

describe('import of an old journal', () => {
  it('takes back our own XLSX journal: same rows, state derived from events, counter continues; never twice', async () => {
    const src = openTempDb('2026-12-02T10:00:00+02:00');
    fillMonth(src.db, '2026-11', 40);
    const file = join(t.dir, 'old.xlsx');
    await exportJournal(src.db, { month: '2026-11', format: 'xlsx', out: file });
    const want = journalDoc(src.db, { month: '2026-11' }).rows;
    src.close();

    const dry = await previewImport(t.db, { file });
    expect(dry).toMatchObject({ dryRun: true, rows: 40, imported: 40, refused: 0, headerLine: 3, counters: [{ year: 2026, last: 40 }] });
    expect(count()).toBe(0);
    const done = await runImport(t.db, { file });
    expect(done.imported).toBe(40);
    const got = journalDoc(t.db, { month: '2026-11' }).rows;
    const keys = ['index', 'receivedAt', 'requester', 'requesterType', 'contacts', 'formChannel', 'summary', 'urgent', 'executor', 'deadline', 'result', 'outgoingIndex', 'resultDate'] as const;
    const pick = (r: (typeof want)[number]) => keys.map((k) => r[k]);
    // A cost notice is no journal column: a request awaiting payment comes back as open, with its running term.
    const awaiting = new Set(want.filter((r) => r.result === 'очікується оплата витрат').map((r) => r.index));
    expect(awaiting.size).toBeGreaterThan(0);
    const comparable = (rows: typeof want) => rows.filter((r) => !awaiting.has(r.index)).map(pick);
    expect(comparable(got)).toEqual(comparable(want));
    expect(got.map((r) => r.index)).toEqual(want.map((r) => r.index));
    const refused = got.find((r) => r.result?.startsWith('відмовлено'))!;
    expect(getRequest(t.db, { index: refused.index }).events.map((e) => e.type)).toContain('refused');
    expect(registerRequest(t.db, sampleRequest({ receivedAt: '2026-12-01T10:00:00+02:00' })).index).toBe('З-41');

    const again = await runImport(t.db, { file });
    expect(again.imported).toBe(0);
    expect(again.refused).toBe(40);
    expect(again.problems[0]!.reason).toMatch(/уже є в реєстрі/);
    expect(count()).toBe(41);
  });

  it('reads a cp1251 CSV with a mapping file, Ukrainian dates, empty rows, duplicates and bad rows, row by row', async () => {
    const rows = [
      'Журнал обліку запитів 2025',
      '№;Дата;Від кого;Адреса;Зміст;Відповідь;Дата відп.',
      '101;03.11.2025;Гнатюк І. І.;вул. Лісова, 1;Про тарифи;надано відповідь;05.11.2025',
      ';;;;;;',
      '102;04.11.2025 14:30;ТОВ «Ромашка»;м. Луцьк;Про оренду;відмовлено, п. 2;06.11.2025',
      '102;05.11.2025;Дублікат;вул. Лісова, 1;Про тарифи;;',
      '103;31.11.2025;Помилка дати;вул. Лісова, 1;Про тарифи;;',
      '104;06.11.2025;Без підстави;вул. Лісова, 1;Про тарифи;відмовлено;07.11.2025',
      '105;07.11.2025;Новак П.;вул. Лісова, 1;Про бюджет;;',
      '',
    ];
    writeFileSync(join(t.dir, 'old.csv'), cp1251(rows.join('\r\n')));
    writeFileSync(
      join(t.dir, 'map.json'),
      JSON.stringify({ columns: { index: '№', receivedAt: 'Дата', requesterName: 'Від кого', postalAddress: 'Адреса', description: 'Зміст', result: 'Відповідь', resultDate: 'Дата відп.' } }),
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), stdin: () => '' };
    const args = ['import', '--db', t.file, '--from', join(t.dir, 'old.csv'), '--mapping', join(t.dir, 'map.json'), '--json'];
    expect(await runCli([...args, '--dry-run'], io)).toBe(0);
    const dry = JSON.parse(out.join(''));
    expect(dry).toMatchObject({ encoding: 'windows-1251', headerLine: 2, rows: 6, emptyRows: 1, imported: 3, refused: 3 });
    expect(dry.problems.map((p: { line: number }) => p.line)).toEqual([6, 7, 8]);
    expect(dry.problems[0].reason).toMatch(/повторює рядок 5/);
    expect(dry.problems[1].reason).toMatch(/31\.11\.2025.*не існує/);
    expect(dry.problems[2].reason).toMatch(/підставу відмови/);
    expect(count()).toBe(0);
    out.length = 0;
    expect(await runCli(args, io)).toBe(0);
    expect(JSON.parse(out.join('')).imported).toBe(3);
    const r = getRequest(t.db, { index: '102', year: 2025 });
    expect(r).toMatchObject({ requesterName: 'ТОВ «Ромашка»', receivedAt: '2025-11-04T14:30:00+02:00', status: 'refused' });
    expect(r.state.refusal?.ground).toBe(2);
    expect(getRequest(t.db, { index: '101', year: 2025 }).state.answer?.date).toBe('2025-11-05');
    const next = t.db.sqlite.prepare('SELECT last FROM counters WHERE year = 2025').pluck().get();
    expect(next).toBe(105);
  });

  it('handles merged cells: a title across the sheet, a date down two rows, a text across two columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2026');
    ws.getCell('A1').value = 'Журнал реєстрації запитів';
    ws.mergeCells('A1:E1');
    ws.getRow(2).values = ['Вх. №', 'Дата надходження', 'Запитувач', 'Зміст запиту', 'Примітка'];
    ws.getRow(3).values = ['7', new Date(Date.UTC(2026, 10, 23, 9, 15)), 'Бондар А.', 'Про ремонт даху школи'];
    ws.getRow(4).values = ['8', null, 'Ткачук В.', 'Про освітлення'];
    ws.mergeCells('B3:B4');
    ws.mergeCells('D3:E3');
    await wb.xlsx.writeFile(join(t.dir, 'merged.xlsx'));
    const rep = await runImport(t.db, { file: join(t.dir, 'merged.xlsx') });
    expect(rep).toMatchObject({ imported: 2, refused: 0, headerLine: 2 });
    expect(getRequest(t.db, { index: '7' })).toMatchObject({ receivedAt: '2026-11-23T09:15:00+02:00', description: 'Про ремонт даху школи', channel: null, receivedTimeKnown: true });
    expect(getRequest(t.db, { index: '8' }).receivedAt).toBe('2026-11-23T09:15:00+02:00');
    expect(getRequest(t.db, { index: '7' }).state.notes.join()).not.toContain('Про ремонт даху');
  });

  it('refuses an unreadable or unknown file (exit 2), and a cancelled import leaves the register as it was', async () => {
    const io = { out: () => undefined, err: () => undefined, stdin: () => '' };
    expect(await runCli(['import', '--db', t.file, '--from', join(t.dir, 'missing.xlsx')], io)).toBe(2);
    writeFileSync(join(t.dir, 'x.ods'), 'x');
    expect(await runCli(['import', '--db', t.file, '--from', join(t.dir, 'x.ods')], io)).toBe(2);

    const lines = ['Вхідний індекс;Дата і час надходження;Запитувач;Адреса, контакти;Зміст запиту'];
    for (let i = 1; i <= 3000; i++) lines.push(`${i};${String(1 + (i % 28)).padStart(2, '0')}.10.2026;Особа ${i};вул. Садова, ${i};Запит ${i}`);
    writeFileSync(join(t.dir, 'big.csv'), lines.join('\n'));
    const abort = new AbortController();
    const job = runImport(t.db, { file: join(t.dir, 'big.csv') }, { signal: abort.signal, onProgress: (p) => p.done >= 3000 && abort.abort() });
    await expect(job).rejects.toThrow(/скасовано/);
    expect(count()).toBe(0);
    expect(t.db.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('imports 50,000 rows in one transaction', async () => {
    const N = Number(process.env.IMPORT_ROWS ?? 50_000);
    const lines = ['Вхідний індекс;Дата і час надходження;Запитувач;Адреса, контакти;Форма і спосіб надходження;Зміст запиту;Результат розгляду;Дата відповіді'];
    for (let i = 1; i <= N; i++) {
      const year = 2020 + (i % 5);
      lines.push(`${Math.ceil(i / 5)};${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${year};Особа ${i};вул. Садова, ${i}; e-mail;Запит ${i};надано відповідь;`);
    }
    writeFileSync(join(t.dir, 'huge.csv'), `\uFEFF${lines.join('\r\n')}`);
    const t0 = performance.now();
    const rep = await runImport(t.db, { file: join(t.dir, 'huge.csv') });
    const ms = performance.now() - t0;
    expect(rep).toMatchObject({ encoding: 'utf-8', rows: N, imported: N, refused: 0 });
    expect(count()).toBe(N);
    // The projection is the fold of the imported events.
    expect(t.db.sqlite.prepare("SELECT count(*) FROM requests WHERE status = 'answered'").pluck().get()).toBe(N);
    console.log(`${N} rows imported in ${(ms / 1000).toFixed(1)} s`);
  }, 900_000); // a bound for a loaded 2-core machine, not a speed target (the bench measures speed)
});
