/** Text blocks shared by the forms, the receipt and the letters: one look for every paper. */
import type { Doc } from './pdfDocument';
import { mm } from './pdfDocument';

/** Non-breaking spaces where a line must not break: after «№», inside amounts, before units. */
export function keepTogether(s: string): string {
  return s
    .replace(/№ (?=\S)/g, '№\u00a0')
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0')
    .replace(/(\d) (?=(грн|арк|стор|с\.|%|р\.))/g, '$1\u00a0');
}

export const BODY_SIZE = 12;
export const SMALL_SIZE = 9;

/** Left edge and width of the text area (inside the margins). */
export const area = (doc: Doc) => ({ x: doc.page.margins.left, w: doc.page.width - doc.page.margins.left - doc.page.margins.right });

export function heading(doc: Doc, text: string, size = 13): void {
  const { x, w } = area(doc);
  doc.font('bold').fontSize(size).text(text, x, doc.y, { width: w, align: 'center' });
  doc.moveDown(0.6);
}

/** A justified paragraph with the first-line indent of Ukrainian official letters (1.25 cm). */
export function para(doc: Doc, text: string, opts: { indent?: boolean; size?: number; font?: 'regular' | 'bold' | 'italic'; align?: 'justify' | 'left' | 'center' | 'right' } = {}): void {
  const { x, w } = area(doc);
  doc.font(opts.font ?? 'regular').fontSize(opts.size ?? BODY_SIZE).text(text, x, doc.y, {
    width: w,
    align: opts.align ?? 'justify',
    indent: opts.indent === false ? 0 : mm(12.5),
    lineGap: 1.5,
  });
  doc.moveDown(0.4);
}

/** `label: value` lines, the label bold, for the receipt and the cost notice. */
export function labelled(doc: Doc, label: string, value: string, size = BODY_SIZE): void {
  const { x, w } = area(doc);
  doc.font('bold').fontSize(size).text(`${label}: `, x, doc.y, { width: w, continued: true });
  doc.font('regular').text(keepTogether(value) || '—', { width: w });
  doc.moveDown(0.2);
}

/** A ruled line to write on, optionally with the value printed on it. */
export function rule(doc: Doc, from: number, to: number, value?: string, size = BODY_SIZE): void {
  const top = doc.y;
  if (value) doc.font('regular').fontSize(size).text(value, from + 2, top, { width: to - from - 4 });
  const y = Math.max(doc.y, top + size * 1.25) + 1;
  doc.lineWidth(0.5).moveTo(from, y).lineTo(to, y).stroke('black');
  doc.y = y + mm(2.5);
}

/** `n` ruled lines for a blank form, or the value written on as many lines as it takes. */
export function field(doc: Doc, value: string | null, blankLines: number): void {
  const { x, w } = area(doc);
  if (value === null) for (let i = 0; i < blankLines; i++) rule(doc, x, x + w, undefined);
  else rule(doc, x, x + w, value || '—');
}

/** The signature block: position on the left, a line to sign on, the name on the right. */
export function signature(doc: Doc, position: string, name: string): void {
  const { x, w } = area(doc);
  doc.moveDown(1.5);
  const y = doc.y;
  doc.font('regular').fontSize(BODY_SIZE).text(position, x, y, { width: w * 0.45 });
  const bottom = doc.y;
  doc.lineWidth(0.5).moveTo(x + w * 0.5, y + BODY_SIZE).lineTo(x + w * 0.7, y + BODY_SIZE).stroke('black');
  doc.font('regular').fontSize(SMALL_SIZE).text('(підпис)', x + w * 0.5, y + BODY_SIZE + 2, { width: w * 0.2, align: 'center' });
  doc.font('regular').fontSize(BODY_SIZE).text(name, x + w * 0.72, y, { width: w * 0.28, align: 'right' });
  doc.x = x;
  doc.y = Math.max(bottom, doc.y) + mm(2);
}
