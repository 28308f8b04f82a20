/**
 * The stamp laid onto a scan of the request (pdf-lib): a PDF keeps every page and object it had,
 * page 1 gets one more content stream with the stamp; a PNG or JPEG becomes a one-page PDF first.
 * The stamp goes on blank paper (scanInk.ts sees the page, blankArea.ts finds the place); with
 * none, or a page that cannot be seen, a strip is added below the page for it — never a box over text.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, popGraphicsState, pushGraphicsState, concatTransformationMatrix, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StampPlacement, StampSettings } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import { fontBytes, type Face } from './fonts';
import { blankPlace } from './blankArea';
import { mm, PAGE } from './pdfDocument';
import { drawStamp, stampBox, wrap, type Box, type Painter, type StampContent } from './stamp';
import { imageSize, MAX_IMAGE_MEGAPIXELS } from './imageSize';
import { addInk, decodeJpegGray, decodePngGray, emptyGrid, finishGrid, pdfPageInk, type InkGrid, type Matrix } from './scanInk';

/** A request with its attachments is a few pages; a scan far longer is most likely the wrong file. */
export const MAX_SCAN_PAGES = 100;
export const MAX_SCAN_BYTES = 100 * 1024 * 1024;

export type ScanType = 'pdf' | 'png' | 'jpeg';

/** By content, not by the file's name: a renamed file must not slip through. */
export function scanType(b: Uint8Array): ScanType | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  // The PDF header may follow a little junk (the spec allows it within the first 1024 bytes).
  if (Buffer.from(b.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

// pdf-lib parses a font on every embed; one parse per process is enough (see fonts.ts).
const parsedForPdfLib = new Map<Uint8Array, unknown>();
const cachingFontkit = {
  create(bytes: Uint8Array, name?: string) {
    let f = parsedForPdfLib.get(bytes);
    if (!f) {
      f = fontkit.create(bytes, name);
      parsedForPdfLib.set(bytes, f);
    }
    return f;
  },
} as typeof fontkit;

const bad = (message: string) => new AppError('invalid_input', message);

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const encrypted = () =>
    bad('PDF-файл скану зашифровано (захищено паролем або обмеженнями): штамп на нього накласти не можна. Збережіть скан без захисту і повторіть.');
  const broken = (e: unknown) => bad(`PDF-файл скану пошкоджено, його не вдалося прочитати: ${(e as Error).message.split('\n')[0]}`);
  let pdf: PDFDocument;
  try {
    // Load past the encryption to say so ourselves: pdf-lib's own error class fails `instanceof` (ES5 build).
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
  } catch (e) {
    if (/encrypt/i.test((e as Error).message)) throw encrypted();
    throw broken(e);
  }
  if (pdf.isEncrypted) throw encrypted();
  let n: number;
  try {
    n = pdf.getPageCount();
  } catch (e) {
    // A truncated file may parse, with no page tree to walk.
    throw broken(e);
  }
  if (n === 0) throw bad('PDF-файл скану не містить жодної сторінки');
  if (n > MAX_SCAN_PAGES)
    throw bad(`Скан має ${n} сторінок, більше ніж ${MAX_SCAN_PAGES}: ймовірно, вибрано не той файл. Штамп ставиться на першу сторінку копії запиту.`);
  return pdf;
}

async function imageToPdf(bytes: Uint8Array, type: 'png' | 'jpeg'): Promise<{ pdf: PDFDocument; ink: InkGrid | null }> {
  const size = imageSize(bytes, type);
  if (size && size.width * size.height > MAX_IMAGE_MEGAPIXELS * 1_000_000)
    throw bad(
      `Зображення скану завелике: ${size.width} × ${size.height} пікселів (${Math.round((size.width * size.height) / 1e5) / 10} Мп), більше ніж ${MAX_IMAGE_MEGAPIXELS} Мп. Зменште його (для аркуша А4 досить 300 dpi, близько 9 Мп) і повторіть.`,
    );
  const pdf = await PDFDocument.create();
  let img;
  try {
    img = type === 'png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  } catch (e) {
    throw bad(`Файл зображення скану пошкоджено: ${(e as Error).message.split('\n')[0]}`);
  }
  // An A4 page in the image's orientation, the image fitted whole: the copy prints at its real size.
  const [a, b] = PAGE.A4;
  const [w, h] = img.width > img.height ? [b, a] : [a, b];
  const scale = Math.min(w / img.width, h / img.height);
  const page = pdf.addPage([w, h]);
  const place = { x: (w - img.width * scale) / 2, y: (h - img.height * scale) / 2, width: img.width * scale, height: img.height * scale };
  page.drawImage(img, place);
  pdf.setTitle('Скан запиту на інформацію');
  return { pdf, ink: imageInk(bytes, type, w, h, [place.width, 0, 0, place.height, place.x, place.y]) };
}

/** The picture's own ink on its page; null if it does not decode here (pdf-lib embedded it, so it is a picture). */
function imageInk(bytes: Uint8Array, type: 'png' | 'jpeg', w: number, h: number, toPage: Matrix): InkGrid | null {
  try {
    const gray = type === 'png' ? decodePngGray(bytes) : decodeJpegGray(bytes);
    const g = emptyGrid(w, h);
    addInk(g.dark, g.total, g.grid, gray, toPage);
    return finishGrid(g.grid, g.dark, g.total);
  } catch {
    return null;
  }
}

/**
 * Makes the page draw in "visual" coordinates (as the page is shown, y up from its lower left
 * corner) whatever its /Rotate and crop box, so the stamp lands in the lower right as seen.
 */
function visualFrame(page: PDFPage): { w: number; h: number; cm: Matrix } {
  const { x: cx, y: cy, width: W, height: H } = page.getCropBox();
  switch ((((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270) {
    case 90:
      return { w: H, h: W, cm: [0, 1, -1, 0, cx + W, cy] };
    case 180:
      return { w: W, h: H, cm: [-1, 0, 0, -1, cx + W, cy + H] };
    case 270:
      return { w: H, h: W, cm: [0, -1, 1, 0, cx, cy + H] };
    default:
      return { w: W, h: H, cm: [1, 0, 0, 1, cx, cy] };
  }
}

function pdfLibPainter(page: PDFPage, fonts: Record<'regular' | 'bold', PDFFont>, pageH: number): Painter {
  const black = rgb(0, 0, 0);
  const font = (bold: boolean) => (bold ? fonts.bold : fonts.regular);
  return {
    measure: (s, size, bold) => font(bold).widthOfTextAtSize(s, size),
    rect: (b, w) => page.drawRectangle({ x: b.x, y: pageH - b.y - b.h, width: b.w, height: b.h, borderWidth: w, borderColor: black }),
    line: (x1, y1, x2, y2, w) => page.drawLine({ start: { x: x1, y: pageH - y1 }, end: { x: x2, y: pageH - y2 }, thickness: w, color: black }),
    text: (s, x, baseline, size, bold) => page.drawText(s, { x, y: pageH - baseline, size, font: font(bold), color: black }),
    square: (x, y, size) => page.drawRectangle({ x, y: pageH - y - size, width: size, height: size, color: black }),
  };
}

/** Where the clerk put the stamp in the preview, measured like the settings (mm from the lower right). */
export interface StampAt {
  rightMm: number;
  bottomMm: number;
}

export interface StampedScan {
  bytes: Uint8Array;
  placement: StampPlacement;
}

export async function stampOnto(scan: Uint8Array, c: StampContent, s: StampSettings, at?: StampAt): Promise<StampedScan> {
  if (scan.length === 0) throw bad('Файл скану порожній');
  if (scan.length > MAX_SCAN_BYTES) throw bad(`Файл скану більший за ${MAX_SCAN_BYTES / 1024 / 1024} МБ`);
  const type = scanType(scan);
  if (!type) throw bad('Файл скану не є PDF, PNG або JPEG: штамп накладається лише на скан запиту в одному з цих форматів');
  const { pdf, ink } = type === 'pdf' ? { pdf: await loadPdf(scan), ink: undefined } : await imageToPdf(scan, type);
  try {
    return await stampFirstPage(pdf, c, s, ink, at);
  } catch (e) {
    // pdf-lib reads a damaged file leniently and fails only when the page tree is walked.
    if (e instanceof AppError) throw e;
    throw bad(`Файл скану пошкоджено: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The strip added below a page with no blank place: the stamp's height and a printable edge around it. */
const STRIP_EDGE = mm(5);

/** Adds a strip below the page as shown (whatever its rotation): its boxes grow on the side shown at the bottom. */
function addStrip(page: PDFPage, frame: ReturnType<typeof visualFrame>, strip: number): void {
  const [a, b, c, d, e, f] = frame.cm;
  const corners = [
    [0, -strip],
    [frame.w, -strip],
  ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
  for (const get of ['getMediaBox', 'getCropBox'] as const) {
    const box = page[get]();
    const xs = [box.x, box.x + box.width, ...corners.map((p) => p[0])];
    const ys = [box.y, box.y + box.height, ...corners.map((p) => p[1])];
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
    const [w, h] = [Math.max(...xs) - x0, Math.max(...ys) - y0];
    if (get === 'getMediaBox') page.setMediaBox(x0, y0, w, h);
    else page.setCropBox(x0, y0, w, h);
  }
}

const toMm = (pt: number) => Math.round((pt / mm(1)) * 10) / 10;

async function stampFirstPage(pdf: PDFDocument, c: StampContent, s: StampSettings, known: InkGrid | null | undefined, at?: StampAt): Promise<StampedScan> {
  pdf.registerFontkit(cachingFontkit);
  const embed = (face: Face) => pdf.embedFont(fontBytes(face), { subset: true });
  const fonts = { regular: await embed('regular'), bold: await embed('bold') };
  const page = pdf.getPage(0);
  let frame = visualFrame(page);
  const { w: pageW, h: pageH } = frame;
  const preferred = stampBox(frame.w, frame.h, s);
  const ink = known !== undefined ? known : pdfPageInk(page, frame);
  let box: Box;
  let how: StampPlacement['how'];
  if (at) {
    // The clerk's place, kept on the page.
    const x = Math.max(0, Math.min(pageW - preferred.w, pageW - mm(at.rightMm) - preferred.w));
    const y = Math.max(0, Math.min(pageH - preferred.h, pageH - mm(at.bottomMm) - preferred.h));
    box = { ...preferred, x, y };
    how = 'chosen';
  } else {
    const found = ink ? blankPlace(ink, frame.w, frame.h, preferred) : null;
    if (found) {
      box = found.box;
      how = found.atPreferred ? 'set' : 'blank';
    } else {
      // No clear paper of the stamp's size (or a page we cannot see): a strip below the page holds it.
      const strip = preferred.h + 2 * STRIP_EDGE;
      addStrip(page, frame, strip);
      frame = visualFrame(page);
      box = { ...preferred, y: frame.h - STRIP_EDGE - preferred.h };
      how = 'strip';
    }
  }
  // Close whatever graphics state the scan's own content leaves open, so the stamp starts clean.
  page.node.normalize();
  const ctx = pdf.context;
  page.node.wrapContentStreams(ctx.register(ctx.stream('q\n')), ctx.register(ctx.stream('\nQ\n')));
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...frame.cm));
  const paint = pdfLibPainter(page, fonts, frame.h);
  // No white box under the stamp: it sits on blank paper, and a box would hide text where the clerk put it over some.
  drawStamp(paint, box, c);
  if (how === 'strip') {
    const note = ink
      ? 'Штамп реєстрації — на доданому полі: на першому аркуші запиту немає вільного місця потрібного розміру.'
      : 'Штамп реєстрації — на доданому полі: вільне місце на цьому аркуші не визначено.';
    // Beside the stamp, in the strip's left part, wrapped to the room there.
    const lines = wrap(note, Math.max(mm(40), box.x - 2 * STRIP_EDGE), (t) => paint.measure(t, 7, false));
    lines.forEach((l, i) => paint.text(l, STRIP_EDGE, box.y + 8 + i * 8.5, 7, false));
  }
  page.pushOperators(popGraphicsState());
  const placement: StampPlacement = {
    how,
    rightMm: toMm(pageW - box.x - box.w),
    bottomMm: toMm(pageH - box.y - box.h),
    widthMm: toMm(box.w),
    heightMm: toMm(box.h),
    pageWidthMm: toMm(pageW),
    pageHeightMm: toMm(pageH),
    seen: ink !== null,
  };
  // No object streams: the other pages keep their objects as they were, byte for byte in their streams.
  return { bytes: await pdf.save({ useObjectStreams: false }), placement };
}
