/**
 * Ukrainian hyphenation for the printed journal's narrow columns: soft hyphens (U+00AD) at the points
 * Liang's patterns for Ukrainian allow (the `hyphen` package, TeX's `uk` patterns), so pdfkit breaks a
 * long word at a syllable and prints the hyphen, instead of cutting it anywhere.
 */
import hyphen from 'hyphen/uk/index.js';

const { hyphenateSync } = hyphen;

export const SOFT_HYPHEN = '\u00ad';

export function hyphenateUk(text: string): string {
  // Four letters at least: shorter words are never worth a break in a table cell.
  return text ? hyphenateSync(text, { minWordLength: 4 }) : text;
}
