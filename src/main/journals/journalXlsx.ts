/** The journal as one spreadsheet: typed cells, frozen header with auto-filter, landscape print set-up. */
import ExcelJS from 'exceljs';
import { JOURNAL_COLUMNS, type JournalRow } from '../../shared/journalRows';
import { throwIfCancelled, yieldToLoop, type JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import type { JournalDoc } from './journalDoc';
import { cellValue, NUM_FMT } from './xlsxCells';

/** The header's row: a title and the period stand above it. */
export const XLSX_HEADER_ROW = 3;
const CHUNK = 500;
const MAX_WIDTH = 60;
const WRAPPED = new Set(['contacts', 'summary', 'result', 'note']);

/** Widths that fit the longest text of a column (by characters), within reason. */
function widths(rows: readonly JournalRow[]): number[] {
  return JOURNAL_COLUMNS.map((c) => {
    if (c.type === 'date') return 12;
    if (c.type === 'datetime') return 17;
    let max = Math.min(c.header.length, 18);
    for (const r of rows) {
      const v = r[c.key];
      if (v !== null) max = Math.max(max, String(v).length);
      if (max >= MAX_WIDTH) break;
    }
    return Math.min(MAX_WIDTH, max + 2);
  });
}

export async function buildJournalWorkbook(j: JournalDoc, ctl: JobControl = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Registry Desk';
  const last = XLSX_HEADER_ROW + j.rows.length;
  const ws = wb.addWorksheet('Журнал', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Сторінка &P з &N' },
  });
  ws.getCell(1, 1).value = j.holder;
  ws.getCell(2, 1).value = `${j.title} ${j.period}`;
  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = JOURNAL_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  widths(j.rows).forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    // exceljs copies a column's style into each of its cells, and styled cells cost time to write:
    // wrap only the columns whose texts outgrow their width, format only the dates.
    const fmt = NUM_FMT[JOURNAL_COLUMNS[i]!.type];
    if (fmt) col.numFmt = fmt;
    if (WRAPPED.has(JOURNAL_COLUMNS[i]!.key)) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // The title lines run across the sheet, unwrapped, over the first column's width.
  for (const line of [1, 2]) ws.getCell(line, 1).style = { font: { bold: true } };
  for (let i = 0; i < j.rows.length; i++) {
    if (i % CHUNK === 0 && i > 0) {
      ctl.onProgress?.({ done: i, total: j.rows.length });
      await yieldToLoop();
      throwIfCancelled(ctl.signal);
    }
    const r = j.rows[i]!;
    const row = ws.getRow(XLSX_HEADER_ROW + 1 + i);
    row.values = JOURNAL_COLUMNS.map((c) => cellValue(c.type, r[c.key]));
    if (r.voided) row.font = { italic: true, color: { argb: 'FF777777' } };
  }
  ws.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: last, column: JOURNAL_COLUMNS.length } };
  ctl.onProgress?.({ done: j.rows.length, total: j.rows.length });
  return wb;
}

export async function writeJournalXlsx(out: string, j: JournalDoc, ctl: JobControl = {}): Promise<void> {
  const wb = await buildJournalWorkbook(j, ctl);
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp), ctl.signal);
}
