/**
 * The registration stamp (Appendix 3 item 8): the holder's name, «Вх. №» with the incoming index
 * and the date of receipt (and the time, for a 48-hour request). One layout, drawn through a small
 * painter so the sheet (pdfkit) and the stamped scan (pdf-lib) print exactly the same stamp.
 */
import type { RequestView } from '../../shared/domain';
import type { StampSettings } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import { recordCode } from '../../shared/recordCode';
import { ukDate, ukTime } from './format';
import { mm } from './pdfDocument';
import { drawQr } from './qr';

export interface StampContent {
  holder: string;
  index: string;
  received: string;
  /** The record code (recordCode.ts) printed as a QR code, so a scan of the stamped paper finds its record. */
  code?: string;
}

/** Holder's name from the settings: a stamp without it is worthless, so it is refused, not printed. */
export function holderName(settings: Settings): string {
  const name = settings.council.name.trim();
  if (!name) throw new AppError('invalid_input', 'У налаштуваннях не вказано найменування розпорядника інформації (розділ «Розпорядник інформації»): штамп і документи без нього не друкуються');
  return name;
}

export function stampContent(r: Pick<RequestView, 'index' | 'receivedDate' | 'receivedAt' | 'urgent'> & { receivedTimeKnown?: boolean }, settings: Settings): StampContent {
  // A time the source did not state (an imported journal) is never printed: the stamp shows the date only.
  const withTime = r.receivedTimeKnown !== false && (settings.stamp.time === 'always' || (settings.stamp.time === 'urgent' && r.urgent));
  return {
    holder: holderName(settings),
    index: `Вх. № ${r.index}`,
    received: `від ${ukDate(r.receivedDate)}${withTime ? ` о ${ukTime(r.receivedAt)}` : ''}`,
    code: recordCode({ holderCode: settings.council.edrpou, index: r.index, receivedDate: r.receivedDate }),
  };
}

/** Top-left based page coordinates, in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The stamp's place on a page of the given size, measured from its lower right corner. */
export function stampBox(pageW: number, pageH: number, s: StampSettings): Box {
  const w = Math.min(mm(s.widthMm), pageW);
  const h = Math.min(mm(s.heightMm), pageH);
  return { x: Math.max(0, pageW - mm(s.rightMm) - w), y: Math.max(0, pageH - mm(s.bottomMm) - h), w, h };
}

export interface Painter {
  /** Width of `text` in points at `size`. */
  measure(text: string, size: number, bold: boolean): number;
  rect(b: Box, lineWidth: number): void;
  line(x1: number, y1: number, x2: number, y2: number, lineWidth: number): void;
  /** `baseline` is the text's baseline, top-left based. */
  text(text: string, x: number, baseline: number, size: number, bold: boolean): void;
  /** A filled black square, top-left based (the QR code's modules). */
  square(x: number, y: number, size: number): void;
}

/** Greedy word wrap; a word longer than the width stays whole on its own line. */
export function wrap(text: string, width: number, fits: (s: string) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && fits(next) > width) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

const LEADING = 1.15;

/** A QR code needs room: on a stamp narrower than this the words keep the whole width. */
const QR_MIN_STAMP_WIDTH = mm(55);

/**
 * Draws the framed stamp into `b`: the name shrinks (11 pt down to 5.5 pt) and wraps until everything
 * fits; the QR code, when there is one and room for it, stands at the right, the full inner height.
 */
export function drawStamp(p: Painter, frame: Box, c: StampContent): void {
  const pad = mm(1.8);
  const qr = c.code && frame.w >= QR_MIN_STAMP_WIDTH ? Math.min(frame.h - 2 * pad, frame.w * 0.4) : 0;
  // The words take the frame less the code's column.
  const b = qr ? { ...frame, w: frame.w - qr - pad } : frame;
  const inner = { x: b.x + pad, w: b.w - 2 * pad };
  const indexSize = Math.min(12, (b.h - 2 * pad) / 4);
  const dateSize = indexSize * 0.85;
  const fit = (s: string, size: number, bold: boolean) => Math.min(size, (size * inner.w) / Math.max(1, p.measure(s, size, bold)));
  const idxSize = fit(c.index, indexSize, true);
  const recSize = fit(c.received, dateSize, false);
  const lowerH = (idxSize + recSize) * LEADING + mm(1.2);
  const nameRoom = b.h - 2 * pad - lowerH - mm(1.5);
  let size = 11;
  let lines = wrap(c.holder, inner.w, (s) => p.measure(s, size, true));
  while (size > 5.5 && (lines.length * size * LEADING > nameRoom || lines.some((l) => p.measure(l, size, true) > inner.w))) {
    size -= 0.5;
    lines = wrap(c.holder, inner.w, (s) => p.measure(s, size, true));
  }
  // Double frame: the outer line carries the stamp in a black-and-white print, the inner one makes it read as a stamp.
  p.rect(frame, 1.4);
  p.rect({ x: frame.x + mm(0.8), y: frame.y + mm(0.8), w: frame.w - mm(1.6), h: frame.h - mm(1.6) }, 0.4);
  if (qr) drawQr(p, c.code!, frame.x + frame.w - pad - qr, frame.y + (frame.h - qr) / 2, qr);
  const centre = (s: string, size: number, bold: boolean) => b.x + (b.w - p.measure(s, size, bold)) / 2;
  const nameTop = b.y + pad + (nameRoom - lines.length * size * LEADING) / 2;
  lines.forEach((l, i) => p.text(l, centre(l, size, true), nameTop + size * (i + 0.85) * LEADING, size, true));
  const sepY = b.y + pad + nameRoom + mm(0.75);
  p.line(b.x + mm(0.8), sepY, b.x + b.w - (qr ? 0 : mm(0.8)), sepY, 0.6);
  const idxBase = sepY + mm(0.9) + idxSize * 0.95 * LEADING;
  p.text(c.index, centre(c.index, idxSize, true), idxBase, idxSize, true);
  p.text(c.received, centre(c.received, recSize, false), idxBase + recSize * LEADING * 1.05, recSize, false);
}
