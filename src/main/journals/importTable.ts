/**
 * Reading an old journal (XLSX or CSV) as a stream of rows of cells, so a file of a million rows
 * never sits whole in memory: a CSV goes through csv-parse's streaming parser (the encoding,
 * UTF-8 or cp1251 as Excel in the Ukrainian locale saves it, and the separator are decided from
 * the file's first 64 KB); an XLSX over a few megabytes through exceljs's streaming reader. A
 * small XLSX is read whole, because only then are merged cells known before their rows (a date
 * merged down two rows belongs to both).
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { access, constants, open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/errors';
import type { ImportMapping } from '../../shared/journalInputs';

export type Cell = string | number | boolean | Date | null;

export interface Row {
  /** 1-based line (record) number in the file, as the clerk sees it in Excel. */
  line: number;
  cells: Cell[];
}

export interface TableInfo {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'windows-1251' | null;
  sheet: string | null;
  /** Bytes of the file, and how many have been read so far (a CSV's progress while checking). */
  size: number;
  read: number;
}

export interface TableStream {
  info: TableInfo;
  rows: AsyncIterable<Row>;
}

/**
 * The longest CSV record taken, in characters. A journal's row is a few hundred characters; a line
 * of megabytes is a wrong file (or an attack) and is refused as soon as the parser passes this,
 * instead of being accumulated first.
 */
export const MAX_RECORD_CHARS = 100_000;
/** XLSX files up to this size are read whole (merged cells resolved); larger ones are streamed. */
export const XLSX_WHOLE_LIMIT = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

type Encoding = 'utf-8' | 'windows-1251';

/** UTF-8 if the head decodes as such, else cp1251: a cp1251 file is never valid UTF-8 once it has Cyrillic. */
function detectEncoding(head: Buffer, wanted: ImportMapping['encoding']): Encoding {
  if (wanted === 'windows-1251') return 'windows-1251';
  try {
    // `stream: true`: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    if (wanted === 'utf-8') throw notUtf8();
    return 'windows-1251';
  }
}

const notUtf8 = () => new AppError('invalid_input', 'Файл не в кодуванні UTF-8. Збережіть його як «CSV UTF-8» або вкажіть кодування windows-1251');

/** The separator that splits the first lines most evenly (`;` for Ukrainian Excel, `,`, or tab). */
function detectSeparator(text: string): string {
  const lines = text.split(/\r?\n/).slice(0, -1).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ';';
  let bestScore = -1;
  for (const sep of [';', ',', '\t']) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const score = counts.length && Math.min(...counts) > 0 ? counts.reduce((a, b) => a + b, 0) : 0;
    if (score > bestScore) (best = sep), (bestScore = score);
  }
  return best;
}

/** Bytes to text, chunk by chunk (a letter split between chunks is joined by the decoder). */
function decoder(encoding: Encoding, info: TableInfo): Transform {
  const d = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      info.read += chunk.length;
      let text: string;
      try {
        text = d.decode(chunk, { stream: true });
      } catch {
        return done(notUtf8());
      }
      if (first) (text = text.replace(/^\uFEFF/, '')), (first = false);
      done(null, text);
    },
    flush(done) {
      done(null, d.decode());
    },
  });
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function csvTable(file: string, m: ImportMapping, size: number): Promise<TableStream> {
  const head = await readHead(file);
  const encoding = detectEncoding(head, m.encoding);
  const headText = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, '');
  const delimiter = m.separator ?? detectSeparator(headText);
  const info: TableInfo = { format: 'csv', encoding, sheet: null, size, read: 0 };
  async function* rows(): AsyncGenerator<Row> {
    const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS });
    const source = createReadStream(file, { highWaterMark: HEAD_BYTES });
    const text = decoder(encoding, info);
    source.on('error', (e) => parser.destroy(e));
    text.on('error', (e) => parser.destroy(e));
    source.pipe(text).pipe(parser);
    let line = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        line++;
        yield { line, cells: record.map((c) => (c === '' ? null : c)) };
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      const code = (e as { code?: string }).code;
      if (code === 'CSV_MAX_RECORD_SIZE')
        throw new AppError('invalid_input', `Рядок ${line + 1} файлу довший за ${MAX_RECORD_CHARS.toLocaleString('uk-UA')} знаків — це не рядок журналу. Перевірте, що обрано CSV-файл журналу і правильний роздільник.`);
      throw new AppError('invalid_input', `Не вдалося розібрати CSV (рядок ${line + 1}): ${(e as Error).message}`);
    } finally {
      source.destroy();
    }
  }
  return { info, rows: rows() };
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

const xlsxError = (e: unknown) => (e instanceof AppError ? e : new AppError('invalid_input', `Не вдалося прочитати XLSX: ${(e as Error).message}`));

async function xlsxWhole(file: string, m: ImportMapping, size: number): Promise<TableStream> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw xlsxError(e);
  }
  const ws = m.sheet ? wb.getWorksheet(m.sheet) : wb.worksheets[0];
  if (!ws) throw new AppError('invalid_input', m.sheet ? `У файлі немає аркуша «${m.sheet}»` : 'У файлі немає аркушів');
  const all: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      let v: Cell = plain(cell.value);
      // A cell merged across columns belongs to its first column only; merged down a column
      // (one date for several rows) it holds for every row it spans.
      if (cell.isMerged && cell.master.address !== cell.address) v = cell.master.row === cell.row ? null : plain(cell.master.value);
      cells[col - 1] = v;
    });
    all.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  async function* rows(): AsyncGenerator<Row> {
    yield* all;
  }
  return { info: { format: 'xlsx', encoding: null, sheet: ws.name, size, read: size }, rows: rows() };
}

async function xlsxStream(file: string, m: ImportMapping, size: number): Promise<TableStream> {
  const info: TableInfo = { format: 'xlsx', encoding: null, sheet: m.sheet ?? null, size, read: 0 };
  async function* rows(): AsyncGenerator<Row> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
    let found = false;
    try {
      for await (const ws of reader) {
        const name = (ws as unknown as { name?: string }).name ?? null;
        if (found || (m.sheet && name !== m.sheet)) continue;
        found = true;
        info.sheet = name;
        for await (const row of ws) {
          const cells: Cell[] = [];
          row.eachCell({ includeEmpty: true }, (cell, col) => void (cells[col - 1] = plain(cell.value)));
          yield { line: row.number, cells: Array.from(cells, (c) => c ?? null) };
        }
      }
    } catch (e) {
      throw xlsxError(e);
    }
    info.read = size;
    if (!found) throw new AppError('invalid_input', m.sheet ? `У файлі немає аркуша «${m.sheet}»` : 'У файлі немає аркушів');
  }
  return { info, rows: rows() };
}

/** Opens the file for reading row by row; a file that cannot be read is refused before any row. */
export async function openTable(file: string, m: ImportMapping): Promise<TableStream> {
  const ext = extname(file).toLowerCase();
  let size: number;
  try {
    await access(file, constants.R_OK);
    size = (await stat(file)).size;
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося відкрити файл «${file}»: ${(e as Error).message}`);
  }
  if (ext === '.xlsx') return size <= XLSX_WHOLE_LIMIT ? xlsxWhole(file, m, size) : xlsxStream(file, m, size);
  if (ext === '.csv' || ext === '.txt') return csvTable(file, m, size);
  throw new AppError('invalid_input', 'Імпорт приймає файли .xlsx або .csv (старий формат .xls збережіть як .xlsx)');
}
