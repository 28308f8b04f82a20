import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { exportJournal, journalDoc } from '../../src/main/services/journal';
import { updateSettings } from '../../src/main/services/settings';
import { registerRequest } from '../../src/main/services/registration';
import { cellText, JOURNAL_COLUMNS } from '../../src/shared/journalRows';
import { AppError } from '../../src/shared/errors';
import { fillMonth } from '../helpers/journalFixture';
import { libreOfficeCsv, pdfPages, pdfText } from '../helpers/readBack';
import { contentStreams, shoot, words } from './documents.helpers';
import { execFileSync } from 'node:child_process';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
let indexes: string[];
const file = (name: string) => join(t.dir, name);
const texts = () => journalDoc(t.db, { month: '2026-11' }).rows.map((r) => JOURNAL_COLUMNS.map((c) => cellText(c.type, r[c.key])));

beforeAll(() => {
  t = openTempDb('2026-12-02T10:00:00+02:00');
  indexes = fillMonth(t.db, '2026-11', 90);
  // A December request must stay out of November's journal.
  registerRequest(t.db, sampleRequest({ receivedAt: '2026-12-01T09:00:00+02:00' }));
});
afterAll(() => t.close());

describe('registration journal', () => {
  it('lists every incoming number of the month in order, voided ones marked', () => {
    const rows = journalDoc(t.db, { month: '2026-11' }).rows;
    expect(rows.map((r) => r.index)).toEqual(indexes);
    expect(rows.map((r) => r.no)).toEqual(indexes.map((_, i) => i + 1));
    const voided = rows.filter((r) => r.voided);
    expect(voided.length).toBeGreaterThan(0);
    expect(voided.every((r) => r.result?.startsWith('АНУЛЬОВАНО'))).toBe(true);
    expect(rows.find((r) => r.result?.startsWith('відмовлено'))?.result).toMatch(/п\. [1-4] ч\. 1 ст\. 22/);
    expect(rows.find((r) => r.extension)?.deadline).toBeTruthy();
  });

  it('prints a PDF with every index, the right page count, page numbers, totals and a signature place', async () => {
    const r = await exportJournal(t.db, { month: '2026-11', format: 'pdf', out: file('j.pdf') });
    const text = pdfText(file('j.pdf'));
    for (const idx of indexes) expect(text).toMatch(new RegExp(`(?<![\\d\\p{L}-])${idx}(?!\\d)`, 'u'));
    const pages = pdfPages(file('j.pdf'));
    expect(r.pages).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Сторінка ${pages} з ${pages}`);
    expect(text).toContain('за листопад 2026 року');
    expect(text).toContain(`Усього зареєстровано номерів: ${indexes.length}`);
    expect(text).toContain('(підпис)');
    // The header is repeated on each page.
    expect(text.split('Вхідний').length - 1).toBe(pages);
    expect(text.split('Вихідний').length - 1).toBe(pages);
    // Amounts with a decimal comma.
    expect(text).toMatch(/\d,\d\d грн/);
    expect(text).not.toMatch(/\d\.\d\d грн/);
  });

  it('prints at 7.5 pt at least and breaks words only where Ukrainian hyphenation allows, with a hyphen', async () => {
    await exportJournal(t.db, { month: '2026-11', format: 'pdf', out: file('h.pdf') });
    const sizes = (await contentStreams(file('h.pdf'))).flatMap((c) => [...c.matchAll(/([\d.]+) Tf/g)].map((m) => Number(m[1])));
    expect(sizes).toContain(7.5);
    // The header row is 7 pt bold; nothing is smaller.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
    const source = new Set<string>();
    const doc = journalDoc(t.db, { month: '2026-11' });
    const frame = [doc.holder, doc.title, doc.period, ...doc.totals, doc.signature.position, doc.signature.person, 'Сторінка з (підпис) р Відповідальна особа'];
    const cells = [...frame, ...JOURNAL_COLUMNS.map((c) => c.header), ...doc.rows.flatMap((r) => JOURNAL_COLUMNS.map((c) => cellText(c.type, r[c.key])))];
    for (const c of cells) for (const w of c.split(/[^\p{L}'’ʼ]+/u)) if (w) source.add(w);
    const list = [...source];
    const printed = Array.from({ length: pdfPages(file('h.pdf')) }, (_, i) => words(file('h.pdf'), i + 1).words.map((w) => w.text)).flat();
    const broken: string[] = [];
    let hyphenated = 0;
    for (const raw of printed) {
      if (/[\d@]/.test(raw)) continue;
      // pdfkit prints the soft hyphen where it breaks a line: that is the hyphen a reader sees.
      for (const part of raw.replace(/\u00ad/g, '-').split(/[^\p{L}'’ʼ-]+/u).filter(Boolean)) {
        const pieces = part.split('-');
        pieces.forEach((piece, k) => {
          if (!piece) return;
          const endsLine = k === pieces.length - 2 && pieces.at(-1) === '';
          if (source.has(piece)) return;
          // Syllables before a line-end hyphen are the start (or middle) of a word that goes on below.
          if (endsLine && list.some((w) => w.includes(piece))) return void hyphenated++;
          // What starts a line after a hyphen is the end of a word. Anything else is a word cut without one.
          if (!endsLine && list.some((w) => w.endsWith(piece))) return;
          broken.push(part);
        });
      }
    }
    expect([...new Set(broken)]).toEqual([]);
    // The narrow columns really do hyphenate (the test would pass vacuously otherwise).
    expect(hyphenated).toBeGreaterThan(10);
  });

  it('writes XLSX with typed cells and CSV that read back (exceljs, LibreOffice, csv-parse) to the same rows', async () => {
    await exportJournal(t.db, { month: '2026-11', format: 'xlsx', out: file('j.xlsx') });
    await exportJournal(t.db, { month: '2026-11', format: 'csv', out: file('j.csv') });
    const expected = texts();
    const doc = journalDoc(t.db, { month: '2026-11' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('j.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.autoFilter).toBeTruthy();
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(JOURNAL_COLUMNS.map((c) => c.header));
    // The title and the header keep their own look: the columns' style must not be laid over them.
    expect(ws.getCell(1, 1).font).toMatchObject({ bold: true, size: 11 });
    expect(ws.getCell(1, 1).alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell(3, 2).alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(ws.getCell(3, 2).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell(1, 1).border ?? {}).not.toHaveProperty('top');
    // Below the journal nothing is ruled: the columns' own style has no lines.
    expect(ws.getColumn(2).style?.border ?? {}).not.toHaveProperty('top');
    expect(doc.rows.some((r) => r.voided)).toBe(true);
    doc.rows.forEach((r, i) =>
      JOURNAL_COLUMNS.forEach((c, k) => {
        const cell = ws.getCell(4 + i, k + 1);
        expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
        expect(cell.font).toMatchObject({ size: 8 });
        // Ruled like the paper journal; the title rows are not.
        expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
        expect(Boolean(cell.font.italic), `row ${i + 1} col ${k + 1}: italic only when voided`).toBe(r.voided);
        if (c.type === 'date' || c.type === 'datetime') expect(cell.numFmt).toMatch(/^dd\.mm\.yyyy/);
      }),
    );
    doc.rows.forEach((r, i) => {
      const row = ws.getRow(4 + i);
      JOURNAL_COLUMNS.forEach((c, k) => {
        const v = row.getCell(k + 1).value;
        const want = r[c.key];
        if (want === null) expect(v ?? null).toBeNull();
        else if (c.type === 'date' || c.type === 'datetime') {
          expect(v).toBeInstanceOf(Date);
          expect((v as Date).toISOString().slice(0, c.type === 'date' ? 10 : 16).replace('T', ' ')).toBe(want);
        } else expect(v).toBe(want);
      });
    });
    expect(ws.rowCount).toBe(3 + doc.rows.length);

    const [lo] = libreOfficeCsv([file('j.xlsx')], join(t.dir, 'lo'));
    expect(lo!.slice(3).map((r) => r.slice(0, JOURNAL_COLUMNS.length))).toEqual(expected);

    const raw = readFileSync(file('j.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const csv = parse(raw.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(csv[0]).toEqual(JOURNAL_COLUMNS.map((c) => c.header));
    expect(csv.slice(1)).toEqual(expected);
  });

  it('XLSX prints readably on A4 landscape: LibreOffice → PDF has every row, no «###», no overlapping words, the header on each page', async () => {
    await exportJournal(t.db, { month: '2026-11', format: 'xlsx', out: file('print.xlsx') });
    const dir = join(t.dir, 'lo-pdf');
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file('print.xlsx')], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(dir, 'print.pdf');
    shoot(pdf);
    const text = pdfText(pdf);
    const pages = pdfPages(pdf);
    for (const idx of indexes) expect(text).toMatch(new RegExp(`(?<![\\d\\p{L}-])${idx}(?!\\d)`, 'u'));
    expect(text).not.toContain('###');
    expect(text.split('Вхідний').length - 1).toBe(pages);
    for (let p = 1; p <= pages; p++) {
      const page = words(pdf, p);
      expect(page.width).toBeGreaterThan(page.height);
      // Rows set to the height of their wrapped text: no word's box runs into another's.
      const ws = page.words;
      const overlaps: string[] = [];
      for (let i = 0; i < ws.length; i++)
        for (let k = i + 1; k < ws.length; k++) {
          const [a, b] = [ws[i]!, ws[k]!];
          const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
          const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
          // Lines of one cell touch (a glyph box is taller than the line advance); text over text overlaps by half a line or more.
          if (dx > 0.5 && dy > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) overlaps.push(`${a.text} × ${b.text}`);
        }
      expect(overlaps, `page ${p}`).toEqual([]);
    }
  });

  it('uses the CSV separator from the settings', async () => {
    updateSettings(t.db, { exports: { csvSeparator: ',' } });
    await exportJournal(t.db, { month: '2026-11', format: 'csv', out: file('comma.csv') });
    updateSettings(t.db, { exports: { csvSeparator: ';' } });
    expect(parse(readFileSync(file('comma.csv'), 'utf8').slice(1), { delimiter: ',' }).slice(1)).toEqual(texts());
  });

  it('leaves no file when cancelled, and says clearly when the folder cannot be written', async () => {
    const abort = new AbortController();
    const job = exportJournal(t.db, { month: '2026-11', format: 'pdf', out: file('cancelled.pdf') }, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(job).rejects.toThrow(/скасовано/);
    expect(existsSync(file('cancelled.pdf'))).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    writeFileSync(file('not-a-folder'), '');
    const err = await exportJournal(t.db, { month: '2026-11', format: 'xlsx', out: file('not-a-folder/j.xlsx') }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('invalid_input');
    expect((err as AppError).message).toMatch(/Не вдалося записати в папку .*not-a-folder.*файлом/);
  });

  it('CLI: --json prints exactly one JSON value; bad input exits 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), stdin: () => '' };
    expect(await runCli(['journal', '--db', t.file, '--month', '2026-11', '--format', 'csv', '--out', file('cli.csv'), '--json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ format: 'csv', rows: indexes.length });
    expect(await runCli(['journal', '--db', t.file, '--month', '2026-13', '--format', 'csv', '--out', file('bad.csv')], io)).toBe(2);
    expect(await runCli(['journal', '--db', t.file, '--month', '2026-11', '--format', 'doc', '--out', file('bad.doc')], io)).toBe(2);
    expect(existsSync(file('bad.csv'))).toBe(false);
  });
});
