/**
 * The documents' typeface: Liberation Serif (metric-compatible with Times New Roman, the face of
 * Ukrainian official papers), shipped in `assets/fonts` with its licence. It covers і ї є ґ ’ №.
 * Each face is read and parsed once per process: parsing a 390 KB TrueType costs more than
 * laying out a whole stamp sheet, and the stamp is printed while the visitor waits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';

export const FACES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  // The sixteen-column journal on A4 needs narrower glyphs than a letter: DejaVu Sans Condensed.
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
export type Face = keyof typeof FACES;

/** `assets/fonts` beside the sources (tests), the bundle (`dist`), or the packaged app's resources. */
export function fontDir(): string {
  const candidates: string[] = [];
  if (process.env.REGISTRY_DESK_FONTS) candidates.push(process.env.REGISTRY_DESK_FONTS);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'assets', 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'assets', 'fonts'));
  const found = candidates.find((c) => existsSync(join(c, FACES.regular)));
  if (!found) throw new AppError('internal', `Не знайдено шрифт ${FACES.regular} (папка assets/fonts) для друку документів`);
  return found;
}

const bytes = new Map<Face, Buffer>();

export function fontBytes(face: Face): Buffer {
  let b = bytes.get(face);
  if (!b) {
    b = readFileSync(join(fontDir(), FACES[face]));
    bytes.set(face, b);
  }
  return b;
}

/** A parsed font as fontkit gives it; pdfkit accepts one in place of the file's bytes. */
export interface ParsedFont {
  layout: (...a: never[]) => unknown;
  characterSet: number[];
  glyphForCodePoint(cp: number): unknown;
}

// pdfkit's own font engine, resolved from pdfkit's location so it is always the version pdfkit expects.
let fontkit: { create(b: Uint8Array): ParsedFont } | null = null;
const parsed = new Map<Face, ParsedFont>();

export function pdfkitFont(face: Face): ParsedFont {
  let f = parsed.get(face);
  if (!f) {
    fontkit ??= createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(b: Uint8Array): ParsedFont };
    f = fontkit.create(fontBytes(face));
    // fontkit caches each glyph with the characters it was first asked for. Subsetting asks for the
    // parts of composite glyphs (Cyrillic «р», «х», «І» are built from Latin p, x, I) with none, and a
    // later document would then map those letters to nothing in its ToUnicode table: text that
    // prints but cannot be searched or copied. Asking for every character first keeps them all.
    for (const cp of f.characterSet) f.glyphForCodePoint(cp);
    parsed.set(face, f);
  }
  return f;
}
