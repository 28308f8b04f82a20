/**
 * Ukrainian hyphenation for the printed journal's narrow columns: soft hyphens (U+00AD) at the points
 * Liang's patterns for Ukrainian allow (the `hyphen` package, TeX's `uk` patterns), so pdfkit breaks a
 * long word at a syllable and prints the hyphen, instead of cutting it anywhere.
 */
import hyphen from 'hyphen/uk/index.js';

const { hyphenateSync } = hyphen;

export const SOFT_HYPHEN = '\u00ad';

/** Words already hyphenated: a journal repeats its names, streets and subjects on every page. */
const known = new Map<string, string>();

export function hyphenateUk(text: string): string {
  if (!text) return text;
  // Word by word (Liang's patterns see one word at a time anyway), each looked up once.
  return text.replace(/[^\s]+/g, (w) => {
    let h = known.get(w);
    if (h === undefined) {
      if (known.size > 100_000) known.clear();
      // Four letters at least: shorter words are never worth a break in a table cell.
      known.set(w, (h = hyphenateSync(w, { minWordLength: 4 })));
    }
    return h;
  });
}
