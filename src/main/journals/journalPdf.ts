/** The printed registration journal: the shared table with the journal's columns and totals. */
import { cellText, JOURNAL_COLUMNS, type JournalRow } from '../../shared/journalRows';
import type { JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import { fitWidths, writePdf } from './pdfTable';
import { hyphenateUk } from './hyphenate';
import type { JournalDoc } from './journalDoc';

const NUMERIC = new Set(['no']);

export function journalPdfRows(rows: readonly JournalRow[]) {
  return rows.map((r) => ({ cells: JOURNAL_COLUMNS.map((c) => (c.type === 'text' ? hyphenateUk(cellText(c.type, r[c.key])) : cellText(c.type, r[c.key]))), shade: r.voided }));
}

export async function writeJournalPdf(out: string, j: JournalDoc, ctl: JobControl = {}): Promise<{ pages: number }> {
  const widths = fitWidths(JOURNAL_COLUMNS.map((c) => c.pdfWidth));
  const pages = await writeAtomically(
    out,
    (tmp) =>
      writePdf(
        tmp,
        {
          holder: j.holder,
          title: j.title,
          subtitle: j.period,
          columns: JOURNAL_COLUMNS.map((c, i) => ({ header: hyphenateUk(c.header), width: widths[i]!, align: NUMERIC.has(c.key) ? 'right' : 'left' })),
          rows: journalPdfRows(j.rows),
          after: j.totals,
          signature: j.signature,
          // 7.5 pt: the smallest a journal stays readable at when printed and filed.
          fontSize: 7.5,
        },
        ctl,
      ),
    ctl.signal,
  );
  return { pages };
}
