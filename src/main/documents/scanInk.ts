/**
 * Where page 1 of a scan has ink: a grid of cells over the page as it is shown, each marked when
 * enough of its pixels are dark. A scan is (almost always) one full-page picture per page, so the
 * picture is taken out of the PDF with pdf-lib and decoded (JPEG by jpeg-js, PNG by pngjs, Flate
 * with its PNG predictors here), then every pixel is carried to the page through the matrices the
 * page draws it with. A page that also draws text or shapes of its own (a PDF made from a text
 * file) cannot be seen this way without a PDF renderer, and a picture in a codec we do not decode
 * (CCITT G4, JBIG2, JPEG 2000) neither: for those the answer is `null`, «unknown», never «blank».
 */
import { inflateSync } from 'node:zlib';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { MAX_IMAGE_MEGAPIXELS } from './imageSize';
import { mm } from './pdfDocument';

/** An affine matrix [a b c d e f] as PDF writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

/** The ink of a page as shown: `cols × rows` cells of `cell` points, row 0 at the top. */
export interface InkGrid {
  cell: number;
  /** The page's height in points (the grid's top is the page's top). */
  pageH: number;
  cols: number;
  rows: number;
  /** 1 where the cell has ink. */
  ink: Uint8Array;
}

/** 2 mm cells: fine enough to find a gap between paragraphs, coarse enough to search fast. */
export const CELL = mm(2);
/** A pixel darker than this (0–255) is ink; a scan's paper is 230 and more, its text far below. */
const DARK = 160;
/** A cell is ink when this share of its pixels is dark: a table's hairline counts, a speck of dust not. */
const INKED_SHARE = 0.025;

/** A decoded picture as luminance, 0 (black) to 255 (white), row 0 at the top. */
export interface Gray {
  width: number;
  height: number;
  lum: Uint8Array;
}

export function grayFromRgba(width: number, height: number, rgba: Uint8Array, channels = 4): Gray {
  const lum = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < lum.length; i++, p += channels) {
    // Transparent pixels of a PNG are the paper.
    const a = channels === 4 ? rgba[p + 3]! / 255 : 1;
    const y = 0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!;
    lum[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, lum };
}

export function decodePngGray(bytes: Uint8Array): Gray {
  const png = PNG.sync.read(Buffer.from(bytes));
  return grayFromRgba(png.width, png.height, png.data);
}

export function decodeJpegGray(bytes: Uint8Array): Gray {
  const img = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
  return grayFromRgba(img.width, img.height, img.data);
}

/**
 * Marks the dark pixels of `img`, drawn with `toPage` (the unit square of the picture to the page
 * as shown: PDF's image space, y up), on the grid.
 */
export function addInk(dark: Uint32Array, total: Uint32Array, grid: Omit<InkGrid, 'ink'>, img: Gray, toPage: Matrix): void {
  const { width: W, height: H, lum } = img;
  // A picture far denser than the grid needs is sampled: every other pixel still catches a 0.2 mm stroke at 300 dpi.
  const step = W * H > 12e6 ? 2 : 1;
  const [a, b, c, d, e, f] = toPage;
  for (let j = 0; j < H; j += step) {
    const v = 1 - (j + 0.5) / H;
    for (let i = 0; i < W; i += step) {
      const u = (i + 0.5) / W;
      const x = a * u + c * v + e;
      const y = b * u + d * v + f;
      const col = Math.floor(x / grid.cell);
      const row = Math.floor((grid.pageH - y) / grid.cell);
      if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) continue;
      const k = row * grid.cols + col;
      total[k]!++;
      if (lum[j * W + i]! < DARK) dark[k]!++;
    }
  }
}

export function emptyGrid(w: number, h: number): { grid: Omit<InkGrid, 'ink'>; dark: Uint32Array; total: Uint32Array } {
  const cols = Math.ceil(w / CELL);
  const rows = Math.ceil(h / CELL);
  return { grid: { cell: CELL, pageH: h, cols, rows }, dark: new Uint32Array(cols * rows), total: new Uint32Array(cols * rows) };
}

export function finishGrid(g: Omit<InkGrid, 'ink'>, dark: Uint32Array, total: Uint32Array): InkGrid {
  const ink = new Uint8Array(g.cols * g.rows);
  for (let k = 0; k < ink.length; k++) ink[k] = dark[k]! >= 3 && dark[k]! > total[k]! * INKED_SHARE ? 1 : 0;
  return { ...g, ink };
}

// ——— what page 1 of a PDF draws ———

interface Drawn {
  image: PDFRawStream;
  /** The unit square to user space. */
  ctm: Matrix;
}

class Unknown extends Error {}

const num = (o: PDFObject | undefined): number => (o instanceof PDFNumber ? o.asNumber() : NaN);

/** Content stream tokens: numbers, names, strings, operators; arrays and dictionaries are skipped over. */
function* tokens(s: string): Generator<{ op?: string; n?: number; name?: string }> {
  let i = 0;
  const L = s.length;
  while (i < L) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '%') {
      while (i < L && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (ch === '(') {
      let depth = 0;
      for (; i < L; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && --depth === 0) break;
      }
      i++;
      yield {};
    } else if (ch === '<' && s[i + 1] === '<') {
      // An inline dictionary (marked content properties): skipped whole.
      let depth = 0;
      for (; i < L; i++) {
        if (s[i] === '<' && s[i + 1] === '<') (depth++, i++);
        else if (s[i] === '>' && s[i + 1] === '>') {
          i++;
          if (--depth === 0) break;
        }
      }
      i++;
      yield {};
    } else if (ch === '<') {
      i = s.indexOf('>', i) + 1 || L;
      yield {};
    } else if (ch === '[' || ch === ']' || ch === '{' || ch === '}') {
      i++;
    } else if (ch === '/') {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(s.slice(i, i + 200))!;
      i += m[0].length;
      yield { name: m[0].slice(1) };
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(s.slice(i, i + 200))!;
      i += m[0].length;
      const n = Number(m[0]);
      yield Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[0]) ? { n } : { op: m[0] };
    }
  }
}

const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh']);
const SHOW = new Set(['Tj', 'TJ', "'", '"']);

function streamText(s: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined): string {
  const parts: PDFObject[] = s instanceof PDFArray ? s.asArray() : s ? [s] : [];
  return parts
    .map((p) => {
      const r = lookup(p);
      if (!(r instanceof PDFRawStream)) throw new Unknown();
      return Buffer.from(decodePDFRawStream(r).decode()).toString('latin1');
    })
    .join('\n');
}

/**
 * The pictures page content draws and where; throws `Unknown` when it draws anything else that
 * shows (text not in the invisible OCR mode, a filled or stroked shape in a colour that is not white).
 */
function walk(content: string, resources: PDFDict | undefined, start: Matrix, lookup: (o: PDFObject | undefined) => PDFObject | undefined, depth: number, out: Drawn[]): void {
  const stack: { ctm: Matrix; white: boolean; tr: number }[] = [];
  let ctm = start;
  let white = false;
  let tr = 0;
  let operands: number[] = [];
  let lastName = '';
  const xobjects = lookup(resources?.get(PDFName.of('XObject')));
  for (const t of tokens(content)) {
    if (t.n !== undefined) {
      operands.push(t.n);
      continue;
    }
    if (t.name !== undefined) {
      lastName = t.name;
      continue;
    }
    const op = t.op;
    if (!op) continue;
    switch (op) {
      case 'q':
        stack.push({ ctm, white, tr });
        break;
      case 'Q':
        ({ ctm, white, tr } = stack.pop() ?? { ctm, white, tr });
        break;
      case 'cm':
        if (operands.length >= 6) ctm = mul(operands.slice(-6) as Matrix, ctm);
        break;
      case 'g':
        white = operands.at(-1) === 1;
        break;
      case 'rg':
        white = operands.slice(-3).every((v) => v === 1);
        break;
      case 'k':
        white = operands.slice(-4).every((v) => v === 0);
        break;
      case 'sc':
      case 'scn':
        white = false;
        break;
      case 'Tr':
        tr = operands.at(-1) ?? 0;
        break;
      case 'BI':
        throw new Unknown(); // an inline picture: rare in scans, and its data is binary inside the stream
      case 'Do': {
        const x = lookup(xobjects instanceof PDFDict ? xobjects.get(PDFName.of(lastName)) : undefined);
        if (!(x instanceof PDFRawStream)) throw new Unknown();
        const sub = x.dict.get(PDFName.of('Subtype'));
        if (sub === PDFName.of('Image')) out.push({ image: x, ctm });
        else if (sub === PDFName.of('Form') && depth < 4) {
          const m = lookup(x.dict.get(PDFName.of('Matrix')));
          const matrix = m instanceof PDFArray ? (m.asArray().map((o) => num(o)) as Matrix) : ([1, 0, 0, 1, 0, 0] as Matrix);
          const res = lookup(x.dict.get(PDFName.of('Resources')));
          walk(Buffer.from(decodePDFRawStream(x).decode()).toString('latin1'), res instanceof PDFDict ? res : resources, mul(matrix, ctm), lookup, depth + 1, out);
        } else throw new Unknown();
        break;
      }
      default:
        if (SHOW.has(op) && tr !== 3) throw new Unknown();
        // A white fill (a scanner's page background) shows no ink; any other shape might.
        if (PAINT.has(op) && !(white && !/^[SsBb]/.test(op))) throw new Unknown();
    }
    operands = [];
  }
}

function components(cs: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined): { n: number; palette?: Uint8Array; base?: number } {
  const c = lookup(cs);
  if (c === PDFName.of('DeviceGray') || c === PDFName.of('CalGray')) return { n: 1 };
  if (c === PDFName.of('DeviceRGB') || c === PDFName.of('CalRGB')) return { n: 3 };
  if (c === PDFName.of('DeviceCMYK')) return { n: 4 };
  if (c instanceof PDFArray) {
    const [kind, a, , d] = c.asArray();
    if (kind === PDFName.of('ICCBased')) {
      const icc = lookup(a);
      if (icc instanceof PDFRawStream) return { n: num(icc.dict.get(PDFName.of('N'))) };
    }
    if (kind === PDFName.of('CalGray')) return { n: 1 };
    if (kind === PDFName.of('CalRGB')) return { n: 3 };
    if (kind === PDFName.of('Indexed') || kind === PDFName.of('I')) {
      const base = components(a, lookup).n;
      const table = lookup(d);
      const bytes =
        table instanceof PDFString || table instanceof PDFHexString
          ? table.asBytes()
          : table instanceof PDFRawStream
            ? decodePDFRawStream(table).decode()
            : null;
      if (!bytes || !(base === 1 || base === 3)) throw new Unknown();
      return { n: 1, palette: bytes, base };
    }
  }
  throw new Unknown();
}

/** Undoes the PNG row filters a Flate stream's /Predictor 10–15 says were applied. */
function unpredict(data: Uint8Array, bpp: number, rowBytes: number, rows: number): Uint8Array {
  const out = new Uint8Array(rowBytes * rows);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i] ?? 0;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[dst - rowBytes + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + a;
      else if (type === 2) v = x + b;
      else if (type === 3) v = x + ((a + b) >> 1);
      else if (type === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new Unknown();
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function decodeImage(img: PDFRawStream, lookup: (o: PDFObject | undefined) => PDFObject | undefined): Gray {
  const dict = img.dict;
  const get = (k: string) => lookup(dict.get(PDFName.of(k)));
  const W = num(get('Width'));
  const H = num(get('Height'));
  if (!(W > 0 && H > 0) || W * H > MAX_IMAGE_MEGAPIXELS * 1e6) throw new Unknown();
  const f = get('Filter');
  const filters = (f instanceof PDFArray ? f.asArray() : f ? [f] : []).map((x) => (x instanceof PDFName ? x.decodeText() : '?'));
  if (filters.length === 1 && filters[0] === 'DCTDecode') return decodeJpegGray(img.contents);
  if (filters.some((x) => x !== 'FlateDecode')) throw new Unknown(); // CCITT G4, JBIG2, JPX, LZW…
  const mask = get('ImageMask');
  const isMask = mask !== undefined && String(mask) === 'true';
  const bits = isMask ? 1 : num(get('BitsPerComponent'));
  const cs = isMask ? { n: 1 } : components(get('ColorSpace'), lookup);
  if (![1, 2, 4, 8].includes(bits)) throw new Unknown();
  let data: Uint8Array = filters.length ? inflateSync(img.contents) : img.contents;
  const rowBytes = Math.ceil((W * cs.n * bits) / 8);
  const parms = get('DecodeParms');
  const predictor = parms instanceof PDFDict ? num(lookup(parms.get(PDFName.of('Predictor')))) : NaN;
  if (predictor >= 10) data = unpredict(data, Math.max(1, Math.ceil((cs.n * bits) / 8)), rowBytes, H);
  else if (predictor > 1) throw new Unknown();
  if (data.length < rowBytes * H) throw new Unknown();
  const dec = get('Decode');
  const inverted = dec instanceof PDFArray && num(dec.get(0)) === 1;
  const lum = new Uint8Array(W * H);
  const max = (1 << bits) - 1;
  for (let y = 0; y < H; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < W; x++) {
      const sample = (k: number): number => {
        const bit = (x * cs.n + k) * bits;
        return bits === 8 ? data[row + (bit >> 3)]! : (data[row + (bit >> 3)]! >> (8 - bits - (bit & 7))) & max;
      };
      let v: number;
      if (isMask) v = (sample(0) === 0) !== inverted ? 0 : 255; // 0 paints (in black) unless /Decode [1 0]
      else if (cs.palette) {
        const i = sample(0);
        const p = cs.palette;
        v = cs.base === 1 ? p[i]! : 0.299 * p[i * 3]! + 0.587 * p[i * 3 + 1]! + 0.114 * p[i * 3 + 2]!;
      } else if (cs.n === 1) v = (sample(0) * 255) / max;
      else if (cs.n === 3) v = ((0.299 * sample(0) + 0.587 * sample(1) + 0.114 * sample(2)) * 255) / max;
      else if (cs.n === 4) v = 255 - Math.min(255, ((0.3 * sample(0) + 0.59 * sample(1) + 0.11 * sample(2) + sample(3)) * 255) / max);
      else throw new Unknown();
      lum[y * W + x] = inverted && !isMask ? 255 - v : v;
    }
  }
  return { width: W, height: H, lum };
}

/**
 * The ink grid of a PDF page as shown (`visual` maps the shown page to user space, as the stamp is
 * drawn), or null when the page draws something we cannot see without rendering it.
 */
export function pdfPageInk(page: PDFPage, visual: { w: number; h: number; cm: Matrix }): InkGrid | null {
  const ctx = page.doc.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  try {
    const drawn: Drawn[] = [];
    walk(streamText(page.node.get(PDFName.of('Contents')), lookup), page.node.Resources(), [1, 0, 0, 1, 0, 0], lookup, 0, drawn);
    if (drawn.length === 0) return null; // nothing drawn at all is not a scan
    const toVisual = invert(visual.cm);
    const g = emptyGrid(visual.w, visual.h);
    for (const d of drawn) addInk(g.dark, g.total, g.grid, decodeImage(d.image, lookup), mul(d.ctm, toVisual));
    return finishGrid(g.grid, g.dark, g.total);
  } catch (e) {
    if (e instanceof Unknown) return null;
    // A picture that does not decode is one we cannot see: not blank, unknown.
    return null;
  }
}
