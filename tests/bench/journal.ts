/**
 * A month of 2,000 requests as PDF and XLSX journals, each next to the bare engine (pdfkit,
 * exceljs) writing a table of the same rows in the same run.
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDb } from '../../src/main/db/open';
import { writeJournalPdf } from '../../src/main/journals/journalPdf';
import { buildJournalWorkbook } from '../../src/main/journals/journalXlsx';
import { journalFonts } from '../../src/main/journals/font';
import { cellValue } from '../../src/main/journals/xlsxCells';
import { journalDoc } from '../../src/main/services/journal';
import { cellText, JOURNAL_COLUMNS } from '../../src/shared/journalRows';
import { fillMonth } from '../helpers/journalFixture';
import { tempDir } from '../helpers/tempDb';
import { percentile, vsRaw, type Suite } from './harness';

/** pdfkit alone: the same cells, fixed-height rows, a new page when full; no measuring, no header repeat. */
async function barePdf(file: string, cells: string[][]): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 24 });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('R', journalFonts().regular);
  doc.font('R').fontSize(6.5);
  const w = (841.89 - 48) / JOURNAL_COLUMNS.length;
  let y = 24;
  for (const row of cells) {
    if (y > 540) (doc.addPage(), (y = 24));
    row.forEach((c, i) => c && doc.text(c, 24 + i * w, y, { width: w - 4 }));
    y += 40;
  }
  // Listen before ending: a short document can finish before a later listener is attached.
  const written = once(out, 'finish');
  doc.end();
  await written;
}

async function bareXlsx(file: string, values: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('t');
  ws.addRow(JOURNAL_COLUMNS.map((c) => c.header));
  for (const v of values) ws.addRow(v);
  await wb.xlsx.writeFile(file);
}

/**
 * Medians of ours and the bare twin timed in turns (after one warm-up each): on a shared machine a
 * busy spell then lands on both sides, not on whichever happened to run during it.
 */
async function inTurns(times: number, ours: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<[number, number]> {
  await ours();
  await raw();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < times; i++)
    for (const [f, xs] of [[ours, a], [raw, b]] as const) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
  return [percentile(a.sort((x, y) => x - y), 50), percentile(b.sort((x, y) => x - y), 50)];
}

const suite: Suite = async ({ quick, size }) => {
  // The target is for 2,000 rows; a tiny --size (the shape test) makes a smaller month.
  const rows = Math.min(2000, size);
  const dir = tempDir('rd-bench-');
  const db = openDb(join(dir, 'j.sqlite'), { now: () => new Date('2026-12-01T10:00:00+02:00') });
  fillMonth(db, '2026-11', rows);
  const doc = journalDoc(db, { month: '2026-11' });
  const texts = doc.rows.map((r) => JOURNAL_COLUMNS.map((c) => cellText(c.type, r[c.key])));
  // The same typed values as ours (dates as dates), without our styles, widths, filter or print set-up.
  const typed = doc.rows.map((r) => JOURNAL_COLUMNS.map((c) => cellValue(c.type, r[c.key])));
  const [pdfRuns, xlsxRuns] = quick ? [1, 3] : [3, 7];
  const [oursPdf, rawPdf] = await inTurns(pdfRuns, () => writeJournalPdf(join(dir, 'ours.pdf'), doc), () => barePdf(join(dir, 'raw.pdf'), texts));
  const [oursXlsx, rawXlsx] = await inTurns(
    xlsxRuns,
    async () => (await buildJournalWorkbook(doc)).xlsx.writeFile(join(dir, 'ours.xlsx')),
    () => bareXlsx(join(dir, 'raw.xlsx'), typed),
  );
  db.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    journal_pdf: vsRaw(`a month's journal as PDF, ${rows} rows, vs bare pdfkit`, oursPdf, rawPdf, '< 3 s, ≤ 1.5×', { below: 3000, ratio: 1.5 }),
    journal_xlsx: vsRaw(`the same as XLSX, vs bare exceljs`, oursXlsx, rawXlsx, '< 2 s, ≤ 1.5×', { below: 2000, ratio: 1.5 }),
  };
};
export default suite;
