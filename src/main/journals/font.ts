/**
 * Fonts with Cyrillic for the journal and report PDFs: DejaVu Sans Condensed from the app's own
 * `assets/fonts` (found by the same lookup as the documents' fonts), so the packaged app on a
 * clerk's Windows machine prints exactly what the tests read back here.
 */
import { join } from 'node:path';
import { FACES, fontDir } from '../documents/fonts';

export interface FontPair {
  regular: string;
  bold: string;
}

export function journalFonts(): FontPair {
  const dir = fontDir();
  return { regular: join(dir, FACES.condensed), bold: join(dir, FACES.condensedBold) };
}
