/**
 * The printed table that journals and reports share: A4 landscape, the header repeated on each
 * page, rows never split across pages, «Сторінка N з M» on every page, a signature place.
 */
import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { throwIfCancelled, yieldToLoop, type JobControl } from '../services/jobs';
import { journalFonts } from './font';
import { wrapLines } from './wrapCell';

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface PdfRow {
  cells: string[];
  /** Voided numbers are shaded; heading lines of a report are bold. */
  shade?: boolean;
  bold?: boolean;
}

export interface PdfTableDoc {
  holder: string;
  title: string;
  subtitle: string;
  columns: PdfColumn[];
  rows: PdfRow[];
  /** Lines printed after the table (totals). */
  after: string[];
  signature: { position: string; person: string };
  fontSize?: number;
}

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = { top: 28, bottom: 34, left: 24, right: 24 };
const PAD = 2;
const A4_LANDSCAPE_WIDTH = 841.89;
/** Lines a cell may take in print, so that no row can outgrow a page; XLSX and CSV keep the text whole. */
const MAX_LINES = 30;
const CHUNK = 200;

/** Cuts a text to about MAX_LINES lines of its column (by a generous estimate of a glyph's width). */
function clip(s: string, width: number, size: number): string {
  const max = Math.max(40, Math.floor(width / (size * 0.6)) * MAX_LINES);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function newDocument(title: string): Doc {
  const fonts = journalFonts();
  // bufferPages: the page count is known only at the end, and «з M» goes on every page.
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: MARGIN, bufferPages: true, info: { Title: title, Creator: 'Registry Desk' } });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  doc.font('R');
  return doc;
}

/** Scales relative widths to the printable width of the page. */
export function fitWidths(rel: number[]): number[] {
  const avail = A4_LANDSCAPE_WIDTH - MARGIN.left - MARGIN.right;
  const sum = rel.reduce((a, b) => a + b, 0);
  return rel.map((w) => (w / sum) * avail);
}

/** Measures a row: each cell broken into lines here (at spaces and soft hyphens), so drawing only places them. */
/**
 * Widths of text in the current face and size, word by word. pdfkit shapes every string it measures
 * (fontkit's layout), and wrapping a cell measures each growing line again: that was most of a
 * 2,000-row journal's time. A line is as wide as its words and the spaces between them — how
 * pdfkit's own line wrapper measures too — and each word is shaped once per face and size.
 */
function wordWidths(doc: Doc): (face: string, size: number) => (s: string) => number {
  const caches = new Map<string, Map<string, number>>();
  return (face, size) => {
    const key = `${face}|${size}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new Map()));
    const c = cache;
    const word = (w: string): number => {
      let x = c.get(w);
      if (x === undefined) c.set(w, (x = doc.widthOfString(w)));
      return x;
    };
    return (s) => {
      let total = 0;
      let from = 0;
      for (let at = s.indexOf(' '); at >= 0; at = s.indexOf(' ', from)) {
        total += (at > from ? word(s.slice(from, at)) : 0) + word(' ');
        from = at + 1;
      }
      return total + (from < s.length ? word(s.slice(from)) : 0);
    };
  };
}

function measureRow(cols: PdfColumn[], cells: string[], lineH: number, measure: (s: string) => number): Measured {
  const lines = cells.map((t, i) => (t === '' ? [] : wrapLines(t, cols[i]!.width - 2 * PAD, measure)));
  const most = Math.max(1, ...lines.map((l) => l.length));
  return { height: most * lineH + 2 * PAD, lines, lineH };
}

/** The row's height and each cell's lines. */
interface Measured {
  height: number;
  lines: string[][];
  lineH: number;
}

function drawRow(doc: Doc, cols: PdfColumn[], y: number, m: Measured, opts: { bold?: boolean; shade?: boolean; header?: boolean }): void {
  let x = MARGIN.left;
  const h = m.height;
  const total = cols.reduce((a, c) => a + c.width, 0);
  if (opts.shade || opts.header) doc.save().rect(x, y, total, h).fill(opts.header ? '#e6e6e6' : '#f0f0f0').restore();
  doc.font(opts.bold || opts.header ? 'B' : 'R').fillColor(opts.shade ? '#555555' : 'black');
  cols.forEach((c, i) => {
    (m.lines[i] ?? []).forEach((line, k) => {
      const lx = c.align === 'right' ? x + c.width - PAD - doc.widthOfString(line) : x + PAD;
      doc.text(line, lx, y + PAD + k * m.lineH, { lineBreak: false });
    });
    x += c.width;
  });
  // The row's rule below; the column rules are drawn once per page by `columnRules`.
  doc.lineWidth(0.4).strokeColor('#444444').moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + total, y + h).stroke();
}

/** The table's frame and column rules from `top` to `bottom` of this page's part of the table. */
function columnRules(doc: Doc, cols: PdfColumn[], top: number, bottom: number): void {
  let x = MARGIN.left;
  doc.lineWidth(0.4).strokeColor('#444444').moveTo(x, top).lineTo(x + cols.reduce((a, c) => a + c.width, 0), top);
  doc.moveTo(x, top).lineTo(x, bottom);
  for (const c of cols) {
    x += c.width;
    doc.moveTo(x, top).lineTo(x, bottom);
  }
  doc.stroke();
}

function titleBlock(doc: Doc, t: PdfTableDoc): void {
  doc.font('B').fontSize(11).fillColor('black').text(t.holder, { align: 'center' });
  doc.fontSize(12).text(t.title, { align: 'center' });
  doc.font('R').fontSize(10).text(t.subtitle, { align: 'center' });
  doc.moveDown(0.6);
}

function pageNumbers(doc: Doc): number {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing into the bottom margin would make pdfkit start a new page; lift the margin while we do.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(8).fillColor('black').text(`Сторінка ${i + 1} з ${range.count}`, MARGIN.left, doc.page.height - 22, {
      width: doc.page.width - MARGIN.left - MARGIN.right,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}

/** Lays the table out page by page; yields between chunks so progress shows and cancel works. */
export async function renderTable(doc: Doc, t: PdfTableDoc, ctl: JobControl = {}): Promise<void> {
  const size = t.fontSize ?? 7;
  titleBlock(doc, t);
  doc.fontSize(size);
  const lineH = doc.currentLineHeight(true);
  const bottom = () => doc.page.height - MARGIN.bottom;
  const headerCells = t.columns.map((c) => c.header);
  const widths = wordWidths(doc);
  const measure = (cells: string[], bold: boolean, lh = lineH, pt = size) => {
    doc.font(bold ? 'B' : 'R');
    return measureRow(t.columns, cells, lh, widths(bold ? 'B' : 'R', pt));
  };
  // The header a half point smaller, so that its longest words fit their columns unbroken.
  doc.fontSize(size - 0.5);
  const headerM = measure(headerCells, true, doc.currentLineHeight(true), size - 0.5);
  doc.fontSize(size);
  let y = doc.y;
  let top = y;
  const header = () => {
    top = y;
    doc.fontSize(size - 0.5);
    drawRow(doc, t.columns, y, headerM, { header: true });
    doc.fontSize(size);
    y += headerM.height;
  };
  header();
  for (let i = 0; i < t.rows.length; i++) {
    if (i % CHUNK === 0 && i > 0) {
      ctl.onProgress?.({ done: i, total: t.rows.length });
      await yieldToLoop();
      throwIfCancelled(ctl.signal);
    }
    const row = t.rows[i]!;
    const cells = row.cells.map((c, k) => clip(c, t.columns[k]!.width, size));
    const m = measure(cells, !!row.bold);
    if (y + m.height > bottom()) {
      columnRules(doc, t.columns, top, y);
      doc.addPage();
      y = MARGIN.top;
      header();
    }
    drawRow(doc, t.columns, y, m, row);
    y += m.height;
  }
  columnRules(doc, t.columns, top, y);
  ctl.onProgress?.({ done: t.rows.length, total: t.rows.length });
  closingBlock(doc, t, y + 10);
}

function closingBlock(doc: Doc, t: PdfTableDoc, y: number): void {
  doc.font('R').fontSize(9).fillColor('black');
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const lines = [...t.after, ''];
  const signH = 3 * doc.currentLineHeight(true) + 6;
  const need = lines.reduce((a, l) => a + doc.heightOfString(l || ' ', { width }) + 2, 0) + signH;
  // The totals and the signature stay together, on a fresh page if the last one has no room.
  if (y + need > doc.page.height - MARGIN.bottom) {
    doc.addPage();
    y = MARGIN.top;
  }
  doc.x = MARGIN.left;
  doc.y = y;
  for (const l of lines) doc.text(l || ' ', { width }).moveDown(0.15);
  signatureLine(doc, t.signature, doc.y);
}

/** Position, a line to sign on with «(підпис)» centred under it, the name; the date below. */
function signatureLine(doc: Doc, s: PdfTableDoc['signature'], y: number): void {
  const position = s.position || 'Відповідальна особа';
  const x0 = MARGIN.left;
  const posW = doc.widthOfString(position);
  const lineX = x0 + posW + 12;
  const lineW = 130;
  doc.text(position, x0, y, { lineBreak: false });
  doc.lineWidth(0.5).strokeColor('black').moveTo(lineX, y + doc.currentLineHeight()).lineTo(lineX + lineW, y + doc.currentLineHeight()).stroke();
  doc.text(s.person || '______________________', lineX + lineW + 12, y, { lineBreak: false });
  const under = y + doc.currentLineHeight(true) + 1;
  doc.fontSize(7.5).text('(підпис)', lineX, under, { width: lineW, align: 'center', lineBreak: false });
  doc.fontSize(9).text('«____» ______________ 20___ р.', x0, under + doc.currentLineHeight(true) + 4, { lineBreak: false });
}

/** Renders and writes the document; returns the number of pages. */
export async function writePdf(file: string, t: PdfTableDoc, ctl: JobControl = {}): Promise<number> {
  const doc = newDocument(`${t.title} ${t.subtitle}`);
  const stream = createWriteStream(file);
  doc.pipe(stream);
  try {
    await renderTable(doc, t, ctl);
  } catch (e) {
    doc.end();
    await once(stream, 'close');
    throw e;
  }
  const pages = pageNumbers(doc);
  doc.end();
  await once(stream, 'finish');
  return pages;
}
