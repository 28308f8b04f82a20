/** Reading made PDFs back as a person's tools do: poppler's pdftotext, its word boxes, pdffonts, pdftoppm. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PDFDocument as LibDoc, PDFArray, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { updateSettings } from '../../src/main/services/settings';
import type { Db } from '../../src/main/db/open';
import jsQR from 'jsqr';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text with all whitespace runs made one space, so wrapped phrases compare whole. */
export function text(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', [...range, '-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ').trim();
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of one page with their boxes, top-left based, and the page size, as the page is shown. */
export function words(file: string, page = 1): { width: number; height: number; words: Word[] } {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const list = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
  }));
  // -bbox gives the unrotated page size but the words as the page is shown: swap for a turned page.
  const rot = Number(/rot:\s+(\d+)/.exec(run('pdfinfo', ['-f', String(page), '-l', String(page), file]))?.[1] ?? 0);
  const [width, height] = rot % 180 === 90 ? [Number(p[2]), Number(p[1])] : [Number(p[1]), Number(p[2])];
  return { width, height, words: list };
}

/** True when every given word (in order of appearance) is found wholly in the lower right quarter. */
export function inLowerRightQuarter(file: string, wanted: string[], page = 1): boolean {
  const { width, height, words: ws } = words(file, page);
  return wanted.every((t) => {
    const hits = ws.filter((w) => w.text === t);
    return hits.length > 0 && hits.some((w) => w.xMin >= width / 2 && w.yMin >= height / 2 && w.xMax <= width && w.yMax <= height);
  });
}

export function fonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

export const pageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);

/** A page rendered to PNG bytes. */
export function render(file: string, page: number, outPrefix: string, dpi = 50): Buffer {
  run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, outPrefix]);
  return readFileSync(`${outPrefix}.png`);
}

/** The decoded content streams of each page, for "the other pages are untouched". */
export async function contentStreams(file: string): Promise<string[]> {
  const pdf = await LibDoc.load(readFileSync(file), { updateMetadata: false });
  return pdf.getPages().map((p) => {
    const c = p.node.Contents();
    const refs = c instanceof PDFArray ? c.asArray() : c ? [c] : [];
    return refs
      .map((r) => {
        const s = r instanceof PDFRef ? pdf.context.lookup(r) : r;
        return s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '';
      })
      .join('\n');
  });
}

/** A scan stand-in: a pdfkit PDF with `pages` pages, each saying which page it is. */
export function makeScanPdf(pages: number, opts: { rotate?: number } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(chunks))));
  for (let i = 1; i <= pages; i++) {
    doc.addPage();
    doc.fontSize(20).text(`Scan page ${i}`, 72, 72);
    doc.rect(60, 300, 400, 200).fill('#999999');
    doc.fillColor('black');
  }
  doc.end();
  return opts.rotate ? done.then((b) => rotateAll(b, opts.rotate!)) : done;
}

async function rotateAll(b: Buffer, angle: number): Promise<Buffer> {
  const { degrees } = await import('pdf-lib');
  const pdf = await LibDoc.load(b);
  for (const p of pdf.getPages()) p.setRotation(degrees(angle));
  return Buffer.from(await pdf.save());
}

/** The council of the seed, with its contacts, so every document has what it needs. */
export function kalushSettings(db: Db): void {
  updateSettings(db, {
    council: {
      name: 'Виконавчий комітет Калуської міської ради',
      address: 'вул. Франка, 1, м. Калуш, 77300',
      email: 'orgkmvk@ukr.net',
      phone: '(03472) 2-18-09',
      fax: '(03472) 7-00-15',
      website: 'www.kalushcity.if.ua',
      responsiblePerson: 'Наталія БАБІЙ',
      responsiblePosition: 'Керуючий справами виконкому',
      responsibleFullName: 'Бабій Наталія Іванівна',
      higherBody: 'Калуська міська рада',
      nameGenitive: 'Калуської міської ради і її виконавчого комітету',
      websiteOwnerGenitive: 'Калуської міської ради',
      edrpou: '04054346',
      executorPhone: '(03472) 2-21-45',
      clerkName: 'Ірина Мельник',
      clerkPosition: 'головний спеціаліст загального відділу',
    },
    fees: { rates: [{ from: '2020-01-15', a4: 0.2, a3: 0.3, restricted: 0.4, scan: 0.1, decisionNumber: '15', decisionDate: '2020-01-14' }] },
    payment: {
      recipient: 'Виконавчий комітет Калуської міської ради',
      iban: 'UA21 3223 1300 0002 6007 2335 6600 1',
      bank: 'Казначейство України',
      edrpou: '04054346',
    },
  });
}

/** With DOC_SHOTS=dir, every made PDF is also rendered there as PNGs for a person to look at. */
export function shoot(file: string): void {
  const dir = process.env.DOC_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, basename(file)));
  run('pdftoppm', ['-png', '-r', '60', file, join(dir, basename(file, '.pdf'))]);
}

/**
 * Files other than the given ones in a folder: a failed write must leave nothing behind. The
 * register's chain key (`<register>.key`) belongs to the register, like its -wal and -shm.
 */
export const strayFiles = (dir: string, known: string[]): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => !known.includes(f) && !(f.endsWith('.key') && known.includes(f.slice(0, -4)))) : [];

/** The QR codes a phone would read off page 1: rendered by poppler (PPM), decoded by jsQR. */
export function readQr(file: string, page = 1, dpi = 200): string | null {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024 });
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(head[1]), Number(head[2])];
  const rgb = ppm.subarray(head[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgb[i * 3]!;
    rgba[i * 4 + 1] = rgb[i * 3 + 1]!;
    rgba[i * 4 + 2] = rgb[i * 3 + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
