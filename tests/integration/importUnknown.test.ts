/**
 * Issue 10: what an old journal does not state stays unknown in the register — the time of receipt,
 * the channel, an answer's date — and every reader (terms, journals, stamp, receipt, statistics, open
 * data, `show`, `verify`) says «не зазначено» or leaves it out instead of making it up.
 * Real SQLite files, real PDFs read back with poppler, the XLSX read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampContent } from '../../src/main/documents/stamp';
import { openDb } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { makeDocument } from '../../src/main/services/documents';
import { previewImport, runImport } from '../../src/main/services/import';
import { exportJournal, journalDoc } from '../../src/main/services/journal';
import { publishOpenData } from '../../src/main/services/openData';
import { getRequest } from '../../src/main/services/queries';
import { getReport } from '../../src/main/services/reports';
import { registerRequest } from '../../src/main/services/registration';
import { getSettings, updateSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { UNKNOWN_JOURNAL } from '../helpers/unknownJournal';
import { pdfText, pdfWords } from '../helpers/readBack';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-20T10:00:00+02:00');
  updateSettings(t.db, { council: { name: 'Виконавчий комітет Калуської міської ради' } });
});
afterEach(() => t.close());


async function importUnknown(): Promise<void> {
  const file = join(t.dir, 'old.csv');
  writeFileSync(file, UNKNOWN_JOURNAL);
  const r = await runImport(t.db, { file });
  expect(r).toMatchObject({ imported: 3, refused: 0, open: 1 });
}

describe('unknown values from an imported journal', () => {
  it('keeps the time, the channel and the answer date unknown in the request, its terms and `show`', async () => {
    const dry = await previewImport(t.db, { file: (writeFileSync(join(t.dir, 'p.csv'), UNKNOWN_JOURNAL), join(t.dir, 'p.csv')) });
    expect(dry.preview.map((p) => p.unknown)).toEqual([
      ['час надходження', 'спосіб надходження', 'форма запиту', 'спосіб отримання відповіді', 'підпис'],
      ['час надходження', 'спосіб надходження', 'дата відповіді', 'форма запиту', 'спосіб отримання відповіді', 'підпис'],
      // By e-mail: written by the law's nature (Appendix 3), so the form is known.
      ['спосіб отримання відповіді', 'підпис'],
    ]);
    await importUnknown();
    const one = getRequest(t.db, { index: '1' });
    expect(one).toMatchObject({ receivedAt: '2026-11-02T00:00:00+02:00', receivedTimeKnown: false, channel: null, status: 'registered' });
    // The safe rule: 48 hours from the start of the day of receipt, never later than from any real hour.
    expect(one.dueAt).toBe('2026-11-04T00:00:00+02:00');
    const two = getRequest(t.db, { index: '2' });
    expect(two).toMatchObject({ receivedTimeKnown: false, channel: null, status: 'answered' });
    expect(two.state.answer?.date).toBeNull();
    expect(two.state.closedOn).toBeNull();
    expect(two.state.answeredLate).toBe(false);
    const three = getRequest(t.db, { index: '3' });
    expect(three).toMatchObject({ receivedAt: '2026-11-04T14:30:00+02:00', receivedTimeKnown: true, channel: 'email' });
    expect(three.state.answer?.date).toBe('2026-11-06');
    // A request registered at the desk knows its time and channel, as before.
    const desk = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-20T09:00:00+02:00' }));
    expect(getRequest(t.db, { index: desk.index })).toMatchObject({ receivedTimeKnown: true, channel: 'post' });

    const json = await cli(['show', '--db', t.file, '--index', '2', '--json']);
    expect(json.code).toBe(0);
    expect(json.json()).toMatchObject({ receivedTimeKnown: false, channel: null, state: { answer: { date: null } } });
    // The text output: Ukrainian words, the event names of the card's history, no type codes.
    const text = await cli(['show', '--db', t.file, '--index', '2']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Вх. № 2 від 03.11.2026 (час не зазначено)');
    expect(text.out).toContain('Спосіб надходження: не зазначено');
    expect(text.out).toContain('Відповідь: дата не зазначено');
    expect(text.out).toMatch(/Зареєстровано/);
    expect(text.out).toMatch(/Надано відповідь/);
    expect(text.out).not.toMatch(/\b(registered|answered|note)\b/);
    // The history's stand-in moment (the start of the day) is printed as a date only.
    expect(text.out).not.toContain('00:00');
    expect(verifyRegister(t.db).ok).toBe(true);
  });

  it('a clerk may later fill in the channel by a correction; the time stays unknown', async () => {
    await importUnknown();
    actOnRequest(t.db, { index: '1', action: 'correct', input: { changes: { channel: 'post' }, reason: 'знайдено конверт' } });
    expect(getRequest(t.db, { index: '1' })).toMatchObject({ channel: 'post', receivedTimeKnown: false });
    expect(verifyRegister(t.db).ok).toBe(true);
  });

  it('journals (CSV, XLSX, PDF) print the date only and «не зазначено», never 00:00 or «поштою»', async () => {
    await importUnknown();
    const rows = journalDoc(t.db, { month: '2026-11' }).rows;
    const byIndex = new Map(rows.map((r) => [r.index, r]));
    expect(byIndex.get('1')).toMatchObject({ receivedAt: '2026-11-02', formChannel: 'форма і спосіб: не зазначено' });
    // Said once, by the import note's list: not again as «час надходження: не зазначено» beside it.
    const said = (note: string | null, what: string) => (note ?? '').split(what).length - 1;
    expect(byIndex.get('1')!.note).toContain('у журналі не зазначено: час надходження');
    expect(said(byIndex.get('1')!.note, 'час надходження')).toBe(1);
    expect(byIndex.get('2')).toMatchObject({ resultDate: null });
    expect(byIndex.get('2')!.note).toMatch(/у журналі не зазначено: .*дата відповіді/);
    expect(said(byIndex.get('2')!.note, 'дата відповіді')).toBe(1);
    expect(byIndex.get('3')).toMatchObject({ receivedAt: '2026-11-04 14:30', formChannel: 'письмовий, електронною поштою', resultDate: '2026-11-06' });

    const csv = join(t.dir, 'j.csv');
    await exportJournal(t.db, { month: '2026-11', format: 'csv', out: csv });
    const lines = readFileSync(csv, 'utf8').split(/\r?\n/);
    const line1 = lines.find((l) => /Петренко/.test(l))!;
    expect(line1).toMatch(/02\.11\.2026[;,]/);
    expect(line1).not.toContain('00:00');
    expect(line1).toContain('не зазначено');
    expect(line1).not.toContain('поштою');

    const xlsx = join(t.dir, 'j.xlsx');
    await exportJournal(t.db, { month: '2026-11', format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    let dateOnly: ExcelJS.Cell | null = null;
    let withTime: ExcelJS.Cell | null = null;
    ws.eachRow((row) => {
      if (row.getCell(2).text === '1') dateOnly = row.getCell(3);
      if (row.getCell(2).text === '3') withTime = row.getCell(3);
    });
    expect(dateOnly!.numFmt).toBe('dd.mm.yyyy');
    expect(withTime!.numFmt).toBe('dd.mm.yyyy hh:mm');

    const pdf = join(t.dir, 'j.pdf');
    await exportJournal(t.db, { month: '2026-11', format: 'pdf', out: pdf });
    expect(pdfWords(pdf)).toContain('форма і спосіб: не зазначено');
    expect(pdfText(pdf)).not.toContain('00:00');
  });

  it('the stamp shows the date only; the receipt says the time is not stated', async () => {
    await importUnknown();
    updateSettings(t.db, { stamp: { time: 'always' } });
    const s = getSettings(t.db);
    expect(stampContent(getRequest(t.db, { index: '1' }), s).received).toBe('від 02.11.2026');
    expect(stampContent(getRequest(t.db, { index: '3' }), s).received).toBe('від 04.11.2026 о 14:30');
    const stamp = join(t.dir, 'stamp.pdf');
    await makeDocument(t.db, { kind: 'stamp_sheet', index: '1', out: stamp });
    const st = pdfText(stamp);
    expect(st).toContain('02.11.2026');
    expect(st).not.toMatch(/ о \d\d:\d\d/);
    const receipt = join(t.dir, 'receipt.pdf');
    await makeDocument(t.db, { kind: 'receipt', index: '1', out: receipt });
    const rc = pdfText(receipt).replace(/\s+/g, ' ');
    expect(rc).toContain('02.11.2026, час не зазначено');
    expect(rc).toContain('Спосіб надходження: не зазначено');
    expect(rc).toContain('від початку дня надходження');
  });

  it('statistics and open data count an unknown channel as «не зазначено», never as post', async () => {
    await importUnknown();
    registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-19T09:00:00+02:00' }));
    const rep = getReport(t.db, { from: '2026-11-01', to: '2026-11-30' });
    expect(rep.totals).toMatchObject({ total: 4 });
    expect(rep.totals.byChannel).toMatchObject({ unknown: 2, post: 1, email: 1 });
    const pdf = join(t.dir, 'report.pdf');
    expect((await cli(['report', '--db', t.file, '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'pdf', '--out', pdf])).code).toBe(0);
    expect(pdfText(pdf)).toMatch(/спосіб надходження не зазначено\s+2/);
    const dir = join(t.dir, 'od');
    await publishOpenData(t.db, { out: dir });
    const json = JSON.parse(readFileSync(join(dir, 'zapyty-na-informatsiiu.json'), 'utf8')) as Record<string, number | string>[];
    const nov = json.find((m) => m.month === '2026-11')!;
    expect(nov).toMatchObject({ total: 4, channel_unknown: 2, channel_post: 1, channel_email: 1 });
  });

  it('an old register (before 0008) opens, keeps every time known and verifies clean', async () => {
    const file = join(t.dir, 'old.sqlite');
    copyFileSync(join(__dirname, '..', 'fixtures', 'register-0001.sqlite'), file);
    const db = openDb(file, { now: () => new Date('2026-11-23T10:00:00+02:00'), user: 'test-clerk' });
    try {
      const unknownTimes = db.sqlite.prepare('SELECT count(*) FROM requests WHERE received_time_known = 0').pluck().get();
      expect(unknownTimes).toBe(0);
      const n = db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get() as number;
      expect(n).toBeGreaterThan(0);
      expect(verifyRegister(db).ok).toBe(true);
    } finally {
      db.sqlite.close();
    }
  });
});
