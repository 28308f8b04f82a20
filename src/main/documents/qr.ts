/**
 * A QR code drawn as vector squares (the `qrcode` library computes the modules; a hand-written
 * Reed–Solomon encoder would be a liability), so it prints sharp at any size on any printer.
 */
import QRCode from 'qrcode';

export interface SquarePainter {
  /** A filled black square, top-left based. */
  square(x: number, y: number, size: number): void;
}

/** Draws `text` as a QR code `size` points wide with its top-left corner at (x, y). */
export function drawQr(p: SquarePainter, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  // One module of quiet zone is enough beside printed text; scanners find it on white paper.
  const cell = size / (n + 2);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) p.square(x + (c + 1) * cell, y + (r + 1) * cell, cell);
}
