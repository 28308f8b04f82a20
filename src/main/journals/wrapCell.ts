/**
 * Line breaking for table cells: at spaces, or inside a word only at its soft hyphens (U+00AD, put
 * there by the Ukrainian hyphenation patterns), printing a real hyphen there. pdfkit's own wrapper
 * keeps the unused soft hyphens in the text it writes, which splits words for search and copy;
 * lines built here carry none. A word with no break point that is wider than the cell is the only
 * thing cut anywhere (an e-mail address, a long number).
 */
const SHY = '\u00ad';

export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const words = paragraph.split(' ').filter((w, i, a) => w !== '' || a.length === 1);
    for (const word of words) {
      const candidate = line ? `${line} ${word.replaceAll(SHY, '')}` : word.replaceAll(SHY, '');
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      let rest = word;
      // Fill the current line with as many syllables of the word as fit, then go on below.
      for (;;) {
        const prefix = line ? `${line} ` : '';
        const cut = bestCut(rest, (head) => measure(`${prefix}${head}-`) <= width);
        if (cut > 0) {
          out.push(`${prefix}${rest.slice(0, cut).replaceAll(SHY, '')}-`);
          rest = rest.slice(cut + 1);
          line = '';
        } else if (line) {
          out.push(line);
          line = '';
        } else break;
        if (measure(rest.replaceAll(SHY, '')) <= width) break;
      }
      const plain = rest.replaceAll(SHY, '');
      if (measure(plain) <= width || line) {
        line = line ? `${line} ${plain}` : plain;
        continue;
      }
      // No break point left and still too wide: cut by characters, the last resort. The widths of
      // single characters add up (measuring every growing prefix again made long e-mails cost most).
      let chunk = '';
      let chunkWidth = 0;
      for (const ch of plain) {
        const w = measure(ch);
        if (chunk && chunkWidth + w > width) {
          out.push(chunk);
          chunk = '';
          chunkWidth = 0;
        }
        chunk += ch;
        chunkWidth += w;
      }
      line = chunk;
    }
    out.push(line);
  }
  return out;
}

/** The position of the last soft hyphen in `word` whose head fits, or -1. */
function bestCut(word: string, fits: (head: string) => boolean): number {
  let best = -1;
  for (let i = word.indexOf(SHY); i >= 0; i = word.indexOf(SHY, i + 1)) {
    if (fits(word.slice(0, i).replaceAll(SHY, ''))) best = i;
    else break;
  }
  return best;
}
