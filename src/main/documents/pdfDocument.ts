/**
 * A pdfkit document set up the way every paper of the desk is: A4 (or A5), the margins of
 * DSTU 4163 (left 30 mm for the binding), the serif face embedded, Ukrainian metadata.
 */
import PDFDocument from 'pdfkit';
import { writeFileSync } from 'node:fs';
import { writeAtomically } from '../journals/atomicFile';
import { pdfkitFont, type Face } from './fonts';
import type { Painter } from './stamp';

export type Doc = PDFKit.PDFDocument;

export const MM = 72 / 25.4;
export const mm = (n: number): number => n * MM;

/** A4 and A5 in points, portrait. */
export const PAGE = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

export interface NewDoc {
  title: string;
  author: string;
  size?: keyof typeof PAGE;
  /** Narrower margins for small papers (receipt, stamp sheet). */
  margins?: { top: number; bottom: number; left: number; right: number };
}

export const OFFICIAL_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(10) };

export function newDocument(o: NewDoc): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: [...PAGE[o.size ?? 'A4']],
    margins: o.margins ?? OFFICIAL_MARGINS,
    lang: 'uk-UA',
    displayTitle: true,
    info: { Title: o.title, Author: o.author, Creator: 'Registry Desk', Producer: 'Registry Desk (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  // Listen before anything is drawn: pdfkit streams as it goes.
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
  for (const face of ['regular', 'bold', 'italic'] as Face[]) doc.registerFont(face, pdfkitFont(face) as unknown as Buffer);
  doc.font('regular');
  return { doc, done };
}

export function finish(d: { doc: Doc; done: Promise<Buffer> }): Promise<Buffer> {
  d.doc.end();
  return d.done;
}

/** The whole file or nothing: written beside the target and renamed into place. */
export function writePdf(out: string, bytes: Uint8Array): Promise<void> {
  return writeAtomically(out, async (tmp) => writeFileSync(tmp, bytes));
}

/** The stamp's painter on a pdfkit page. */
export function pdfkitPainter(doc: Doc): Painter {
  const use = (size: number, bold: boolean) => doc.font(bold ? 'bold' : 'regular').fontSize(size);
  return {
    measure: (s, size, bold) => use(size, bold).widthOfString(s),
    rect: (b, w) => void doc.lineWidth(w).rect(b.x, b.y, b.w, b.h).stroke('black'),
    line: (x1, y1, x2, y2, w) => void doc.lineWidth(w).moveTo(x1, y1).lineTo(x2, y2).stroke('black'),
    // No line breaking and an absolute baseline: the stamp may sit inside the page margin.
    text: (s, x, baseline, size, bold) => void use(size, bold).fillColor('black').text(s, x, baseline, { lineBreak: false, baseline: 'alphabetic' }),
    square: (x, y, size) => void doc.rect(x, y, size, size).fill('black'),
  };
}
