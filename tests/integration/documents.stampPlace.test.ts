/**
 * The stamp on blank paper: real scans made here (a page of text blocks rasterised by poppler, laid
 * into a PDF as a scanner does, or kept as a PNG/JPEG), stamped by the service, and read back with
 * pdftoppm: the pixels under the stamp were blank before, and nothing else on the page changed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFKit from 'pdfkit';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StampPlacement } from '../../src/shared/documents';
import { makeDocument } from '../../src/main/services/documents';
import { registerRequest } from '../../src/main/services/registration';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';
import { kalushSettings, makeScanPdf, pageCount, readQr, shoot, text, words } from './documents.helpers';

let t: TempDb;
let index: string;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:30:00+02:00');
  kalushSettings(t.db);
  index = registerRequest(t.db, sampleRequest()).index;
});
afterEach(() => t.close());
const out = (name: string) => join(t.dir, name);

const LINE = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';

/**
 * A request page as a person writes it, made as a PDF and rasterised (a scan): text blocks at the top,
 * a signature block lower left, and a footer line across the lower right corner, right where the
 * set stamp place (10 mm from the right and bottom, 70 × 30 mm) is. `full`: text over the whole page.
 */
function writtenPage(full: boolean): Promise<Buffer> {
  const doc = new PDFKit({ size: 'A4', margin: 0, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(chunks))));
  doc.fontSize(11).fillColor('black');
  if (full) {
    for (let y = 25; y < 825; y += 13) doc.text(LINE, 20, y, { width: 560, lineBreak: false });
  } else {
    doc.fontSize(14).text('Request for public information', 60, 60);
    doc.fontSize(11);
    for (let y = 100; y < 500; y += 14) doc.text(LINE, 60, y, { width: 480, lineBreak: false });
    doc.text('Date: 20.11.2026', 60, 700);
    doc.text('Signature: ______________', 60, 720);
    doc.text('Footer note across the lower right corner of the page, page 1 of 1', 250, 800, { lineBreak: false });
  }
  doc.end();
  return done;
}

const DPI = 100;
/** A poppler rendering, gray: luminance per pixel. */
function raster(file: string, prefix: string, page = 1): { w: number; h: number; lum: (x: number, y: number) => number } {
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return { w: png.width, h: png.height, lum: (x, y) => png.data[(y * png.width + x) * 4]! };
}

/** Dark pixels in the stamp's rectangle of a render of the page (placement measured from the lower right). */
function darkUnder(r: ReturnType<typeof raster>, p: StampPlacement, grow = 0): number {
  const px = (v: number) => Math.round((v / 25.4) * DPI);
  const x1 = r.w - px(p.rightMm) + grow;
  const x0 = x1 - px(p.widthMm) - 2 * grow;
  const y1 = r.h - px(p.bottomMm) + grow;
  const y0 = y1 - px(p.heightMm) - 2 * grow;
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(r.h, y1); y++) for (let x = Math.max(0, x0); x < Math.min(r.w, x1); x++) if (r.lum(x, y) < 160) n++;
  return n;
}

/** Pixels that differ between two renders outside the stamp's rectangle (grown by a pixel for anti-aliasing). */
function changedOutside(a: ReturnType<typeof raster>, b: ReturnType<typeof raster>, p: StampPlacement): number {
  const px = (v: number) => Math.round((v / 25.4) * DPI);
  const x1 = a.w - px(p.rightMm) + 2;
  const x0 = x1 - px(p.widthMm) - 4;
  const y1 = a.h - px(p.bottomMm) + 2;
  const y0 = y1 - px(p.heightMm) - 4;
  let n = 0;
  for (let y = 0; y < a.h; y++) for (let x = 0; x < a.w; x++) if (!(x >= x0 && x < x1 && y >= y0 && y < y1) && Math.abs(a.lum(x, y) - b.lum(x, y)) > 8) n++;
  return n;
}

/** The page rasterised at 150 dpi and laid into a PDF as one full-page picture, as a scanner makes it. */
async function scannerPdf(page: Buffer, as: 'jpeg' | 'png', name: string): Promise<string> {
  writeFileSync(out(`${name}-src.pdf`), page);
  execFileSync('pdftoppm', [`-${as}`, '-r', '150', '-singlefile', out(`${name}-src.pdf`), out(`${name}-img`)]);
  const img = readFileSync(out(`${name}-img.${as === 'png' ? 'png' : 'jpg'}`));
  const pdf = await PDFDocument.create();
  const embedded = as === 'png' ? await pdf.embedPng(img) : await pdf.embedJpg(img);
  pdf.addPage([595.28, 841.89]).drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
  writeFileSync(out(`${name}.pdf`), await pdf.save());
  return out(`${name}.pdf`);
}

const stamp = async (onto: string, name: string, extra: Record<string, unknown> = {}) => {
  const r = await makeDocument(t.db, { kind: 'stamp_onto', index, onto, out: out(`${name}-stamped.pdf`), ...extra });
  shoot(r.path);
  return { ...r, stamp: r.stamp! };
};

describe('the stamp on a blank area of the scan', () => {
  for (const as of ['jpeg', 'png'] as const) {
    it(`finds the blank area nearest the lower right of a scanner's PDF (${as.toUpperCase()} inside) and draws nothing else`, async () => {
      const scan = await scannerPdf(await writtenPage(false), as, `written-${as}`);
      const r = await stamp(scan, `written-${as}`);
      expect(r.stamp).toMatchObject({ how: 'blank', seen: true, widthMm: 70, heightMm: 30 });
      // The set place is under the footer; the stamp moved up, still at the right, into the lower half.
      expect(r.stamp.rightMm).toBeLessThanOrEqual(12);
      expect(r.stamp.bottomMm).toBeGreaterThan(16); // the footer reaches 14.8 mm from the bottom
      expect(r.stamp.bottomMm + r.stamp.heightMm).toBeLessThan(297 / 2);
      const before = raster(scan, out(`before-${as}`));
      const after = raster(r.path, out(`after-${as}`));
      // Blank paper under the stamp (and a millimetre around it) before, the stamp there after.
      expect(darkUnder(before, r.stamp, 4)).toBe(0);
      expect(darkUnder(after, r.stamp)).toBeGreaterThan(500);
      // No white box, nothing moved: the rest of the page is the scan as it was.
      expect(changedOutside(before, after, r.stamp)).toBe(0);
      expect(text(r.path)).toContain(`Вх. № ${index} від 23.11.2026`);
      // A scan of the stamped paper finds its record by the stamp's QR code.
      expect(readQr(r.path)).toBe(`RD1|04054346|${index}|2026-11-23`);
    });
  }

  it('keeps the set place when it is blank, for a PNG scan', async () => {
    // Text blocks at the top only: a PNG straight from the scanner.
    const page = new PDFKit({ size: 'A4', margin: 0 });
    const chunks: Buffer[] = [];
    page.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((ok) => page.on('end', () => ok(Buffer.concat(chunks))));
    for (let y = 100; y < 500; y += 14) page.fontSize(11).text(LINE, 60, y, { width: 480, lineBreak: false });
    page.end();
    writeFileSync(out('nofooter.pdf'), await done);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', out('nofooter.pdf'), out('nofooter')]);
    const r = await stamp(out('nofooter.png'), 'nofooter');
    expect(r.stamp).toMatchObject({ how: 'set', rightMm: 10, bottomMm: 10, seen: true });
    const before = raster(out('nofooter.pdf'), out('nofooter-before'));
    expect(darkUnder(before, r.stamp, 4)).toBe(0);
  });

  it('adds a strip below a page with no blank area, with a note, and leaves the page itself as it was', async () => {
    const scan = await scannerPdf(await writtenPage(true), 'jpeg', 'full');
    const r = await stamp(scan, 'full');
    expect(r.stamp).toMatchObject({ how: 'strip', seen: true, rightMm: 10 });
    expect(r.stamp.bottomMm).toBeLessThan(0);
    const { height, words: ws } = words(r.path);
    // The page grew by the strip (30 mm stamp + 5 mm above and below).
    expect(height).toBeCloseTo(841.89 + 40 * (72 / 25.4), 0);
    const stampWords = ws.filter((w) => ['Вх.', 'Виконавчий', 'Штамп'].includes(w.text));
    expect(stampWords.length).toBe(3);
    // All of them in the strip, below the scan's own page.
    for (const w of stampWords) expect(w.yMin).toBeGreaterThan(height - 40 * (72 / 25.4));
    expect(text(r.path)).toContain('Штамп реєстрації — на доданому полі: на першому аркуші запиту немає вільного місця потрібного розміру.');
    // The scan's page is drawn as before, above the strip.
    const before = raster(scan, out('full-before'));
    const after = raster(r.path, out('full-after'));
    let changed = 0;
    for (let y = 0; y < before.h; y++) for (let x = 0; x < before.w; x++) if (Math.abs(before.lum(x, y) - after.lum(x, y)) > 8) changed++;
    expect(changed).toBe(0);
  });

  it('puts the stamp on a strip for a PDF of text it cannot see, never over the text', async () => {
    writeFileSync(out('vector.pdf'), await makeScanPdf(2));
    const r = await stamp(out('vector.pdf'), 'vector');
    expect(r.stamp).toMatchObject({ how: 'strip', seen: false });
    expect(pageCount(r.path)).toBe(2);
    expect(text(r.path, 1)).toContain('вільне місце на цьому аркуші не визначено');
    const { height, words: ws } = words(r.path);
    const pageBottom = height - 40 * (72 / 25.4);
    for (const w of ws.filter((x) => ['Вх.', 'Виконавчий'].includes(x.text))) expect(w.yMin).toBeGreaterThan(pageBottom);
  });

  it('puts the stamp where the clerk moved it in the preview, and a preview records nothing', async () => {
    const scan = await scannerPdf(await writtenPage(false), 'jpeg', 'moved');
    const found = await stamp(scan, 'moved-found', { preview: true });
    expect(found.eventId).toBeUndefined();
    const r = await stamp(scan, 'moved', { stampAt: { rightMm: 120, bottomMm: 40 } });
    expect(r.stamp).toMatchObject({ how: 'chosen', rightMm: 120, bottomMm: 40 });
    expect(r.eventId).toBeDefined();
    const { width, height, words: ws } = words(r.path);
    const mmPt = 72 / 25.4;
    const vx = ws.find((w) => w.text === 'Вх.')!;
    expect(vx.xMin).toBeGreaterThan(width - (120 + 70) * mmPt);
    expect(vx.xMax).toBeLessThan(width - 120 * mmPt);
    expect(vx.yMax).toBeLessThan(height - 40 * mmPt);
    expect(vx.yMin).toBeGreaterThan(height - 70 * mmPt);
    // Out of range is refused with a message.
    await expect(makeDocument(t.db, { kind: 'stamp_onto', index, onto: scan, out: out('bad.pdf'), stampAt: { rightMm: -5, bottomMm: 10 } })).rejects.toThrow();
  });
});
