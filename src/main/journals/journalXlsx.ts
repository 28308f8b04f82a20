/** The journal as one spreadsheet: typed cells, frozen header with auto-filter, landscape print set-up. */
import ExcelJS from 'exceljs';
import { cellText, JOURNAL_COLUMNS } from '../../shared/journalRows';
import { throwIfCancelled, yieldToLoop, type JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import type { JournalDoc } from './journalDoc';
import { cellValue, NUM_FMT } from './xlsxCells';

/** The header's row: a title and the period stand above it. */
export const XLSX_HEADER_ROW = 3;
const CHUNK = 500;
/** The sheet's type size: small enough for 16 columns across A4 landscape, as the printed journal. */
const FONT_SIZE = 8;
const LINE_PT = 11;

/**
 * Column widths (in Excel's character units) from the printed journal's proportions, so that the
 * columns together fill the printable width of A4 landscape at about 100 % and fit-to-width has
 * little to shrink. Texts wrap inside them.
 */
const WIDTHS = (() => {
  const sum = JOURNAL_COLUMNS.reduce((a, c) => a + c.pdfWidth, 0);
  // ≈ 148 units: 784 pt of printable width at ≈ 5.3 pt a unit.
  // A number that does not fit shows as «###»: a date-time cell needs its 16 characters whole.
  const least: Partial<Record<string, number>> = { datetime: 13.5, date: 10, number: 4.5 };
  return JOURNAL_COLUMNS.map((c) => Math.max(least[c.type] ?? 8.5, Math.round((c.pdfWidth / sum) * 148 * 10) / 10));
})();

/** Characters of the sheet's font a column of `width` units holds on one line (a cautious estimate). */
const charsPerLine = (width: number) => Math.max(1, Math.floor(width * 1.15));

/** Lines a text takes in a column: Excel does not grow a row for wrapped text on its own, so we set it. */
function linesOf(text: string, width: number): number {
  const per = charsPerLine(width);
  // Most cells are short: a text no longer than a line (in UTF-16 units, never fewer than its
  // characters) and without a line break takes one line — no need to split it into words.
  if (text.length <= per && !text.includes('\n')) return 1;
  return text.split('\n').reduce((n, para) => {
    // Words move whole to the next line: count by words, not by characters.
    let lines = 1;
    let used = 0;
    for (const w of para.split(' ')) {
      const len = [...w].length;
      if (used === 0) used = len;
      else if (used + 1 + len <= per) used += 1 + len;
      else {
        lines += 1;
        used = len;
      }
      while (used > per) {
        lines += 1;
        used -= per;
      }
    }
    return n + lines;
  }, 0);
}

const rowHeight = (texts: string[]) => Math.max(1, ...texts.map((t, i) => (t ? linesOf(t, WIDTHS[i]!) : 1))) * LINE_PT + 3;

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
  // The title lines span the table, centred, each on a row of its own height: nothing spills over the header.
  for (const line of [1, 2]) {
    ws.mergeCells(line, 1, line, JOURNAL_COLUMNS.length);
    ws.getCell(line, 1).style = { font: { bold: true, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' } };
    ws.getRow(line).height = 16;
  }
  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = JOURNAL_COLUMNS.map((c) => c.header);
  // Regular weight, as the archive's journals have always printed: in bold «Продовження» no longer
  // fits its column and LibreOffice breaks it mid-word.
  header.font = { size: FONT_SIZE };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = rowHeight(JOURNAL_COLUMNS.map((c) => c.header));
  // Ruled like the paper journal, so the sheet printed from Excel or LibreOffice reads as one.
  const thin = { style: 'thin' } as const;
  const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
  header.eachCell((cell) => (cell.border = border));
  // One style object per column (and one for a voided row's cell), shared by all its cells: exceljs
  // remembers a written style by the object's identity, while the style it merges for each new cell
  // from the column's is a fresh object it must render and look up again — for every one of 32,000 cells.
  const font = { size: FONT_SIZE };
  const voidedFont = { italic: true, size: FONT_SIZE, color: { argb: 'FF777777' } };
  const alignment: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  const styleOf = (i: number, f: Partial<ExcelJS.Font>, dateOnly = false, ruled = true): Partial<ExcelJS.Style> => {
    const fmt = dateOnly ? NUM_FMT.date : NUM_FMT[JOURNAL_COLUMNS[i]!.type];
    return { ...(fmt ? { numFmt: fmt } : {}), font: f, alignment, ...(ruled ? { border } : {}) };
  };
  const styles = JOURNAL_COLUMNS.map((_, i) => styleOf(i, font));
  // The column's own style has no rules: Excel would draw them down every empty row of the sheet.
  const columnStyles = JOURNAL_COLUMNS.map((_, i) => styleOf(i, font, false, false));
  const voidedStyles = JOURNAL_COLUMNS.map((_, i) => styleOf(i, voidedFont));
  // A receipt whose time the source did not state is a date only: the column's hh:mm would print a made-up 00:00.
  const dateOnlyStyles = JOURNAL_COLUMNS.map((_, i) => styleOf(i, font, true));
  const voidedDateOnlyStyles = JOURNAL_COLUMNS.map((_, i) => styleOf(i, voidedFont, true));
  WIDTHS.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    // The column keeps the style too: a row added by hand in Excel below the journal looks the same.
    col.style = columnStyles[i]!;
  });
  for (let i = 0; i < j.rows.length; i++) {
    if (i % CHUNK === 0 && i > 0) {
      ctl.onProgress?.({ done: i, total: j.rows.length });
      await yieldToLoop();
      throwIfCancelled(ctl.signal);
    }
    const r = j.rows[i]!;
    const row = ws.getRow(XLSX_HEADER_ROW + 1 + i);
    row.values = JOURNAL_COLUMNS.map((c) => cellValue(c.type, r[c.key]));
    row.height = rowHeight(JOURNAL_COLUMNS.map((c) => cellText(c.type, r[c.key])));
    const own = r.voided ? voidedStyles : styles;
    const dateOnly = r.voided ? voidedDateOnlyStyles : dateOnlyStyles;
    for (let c = 0; c < own.length; c++) {
      const col = JOURNAL_COLUMNS[c]!;
      row.getCell(c + 1).style = col.type === 'datetime' && String(r[col.key] ?? '').length === 10 ? dateOnly[c]! : own[c]!;
    }
  }
  ws.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: last, column: JOURNAL_COLUMNS.length } };
  ctl.onProgress?.({ done: j.rows.length, total: j.rows.length });
  return wb;
}

export async function writeJournalXlsx(out: string, j: JournalDoc, ctl: JobControl = {}): Promise<void> {
  const wb = await buildJournalWorkbook(j, ctl);
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp), ctl.signal);
}
