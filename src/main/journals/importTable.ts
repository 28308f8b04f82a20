/**
 * Reading an old journal (XLSX or CSV) into plain rows of cells: the encoding of a CSV is
 * detected (UTF-8, else cp1251 as Excel in the Ukrainian locale saves it), merged cells are
 * resolved, and the header row is found by its column names.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { accessSync, constants, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportMapping } from '../../shared/journalInputs';

export type Cell = string | number | boolean | Date | null;

export interface RawTable {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'windows-1251' | null;
  sheet: string | null;
  /** Rows with their 1-based line (row) numbers in the file. */
  rows: { line: number; cells: Cell[] }[];
}

/** UTF-8 if it decodes as such, else cp1251: a cp1251 file is never valid UTF-8 once it has Cyrillic. */
export function decodeText(buf: Buffer, wanted: ImportMapping['encoding']): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  if (wanted === 'windows-1251') return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (wanted === 'utf-8') throw new AppError('invalid_input', 'Файл не в кодуванні UTF-8. Збережіть його як «CSV UTF-8» або вкажіть кодування windows-1251');
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

/** The separator that splits the first lines most evenly (`;` for Ukrainian Excel, `,`, or tab). */
function detectSeparator(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ';';
  let bestScore = -1;
  for (const sep of [';', ',', '\t']) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const score = Math.min(...counts) > 0 ? counts.reduce((a, b) => a + b, 0) : 0;
    if (score > bestScore) (best = sep), (bestScore = score);
  }
  return best;
}

function readCsv(file: string, m: ImportMapping): RawTable {
  const { text, encoding } = decodeText(readFileSync(file), m.encoding);
  let records: string[][];
  try {
    records = parse(text, { delimiter: m.separator ?? detectSeparator(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося розібрати CSV: ${(e as Error).message}`);
  }
  return { format: 'csv', encoding, sheet: null, rows: records.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })) };
}

/** The plain value of an exceljs cell: rich text, formulas and hyperlinks reduced to what shows. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

async function readXlsx(file: string, m: ImportMapping): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося прочитати XLSX: ${(e as Error).message}`);
  }
  const ws = m.sheet ? wb.getWorksheet(m.sheet) : wb.worksheets[0];
  if (!ws) throw new AppError('invalid_input', m.sheet ? `У файлі немає аркуша «${m.sheet}»` : 'У файлі немає аркушів');
  const rows: RawTable['rows'] = [];
  ws.eachRow({ includeEmpty: true }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      let v: Cell = plain(cell.value);
      // A cell merged across columns belongs to its first column only; merged down a column
      // (one date for several rows) it holds for every row it spans.
      if (cell.isMerged && cell.master.address !== cell.address) v = cell.master.row === cell.row ? null : plain(cell.master.value);
      cells[col - 1] = v;
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { format: 'xlsx', encoding: null, sheet: ws.name, rows };
}

export async function readTable(file: string, m: ImportMapping): Promise<RawTable> {
  const ext = extname(file).toLowerCase();
  try {
    accessSync(file, constants.R_OK);
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося відкрити файл «${file}»: ${(e as Error).message}`);
  }
  if (ext === '.xlsx') return readXlsx(file, m);
  if (ext === '.csv' || ext === '.txt') return readCsv(file, m);
  throw new AppError('invalid_input', 'Імпорт приймає файли .xlsx або .csv (старий формат .xls збережіть як .xlsx)');
}
