/**
 * The journal as CSV for Excel in the Ukrainian locale: UTF-8 with a BOM (else Excel reads
 * cp1251), the separator from the settings, RFC 4180 quoting and CRLF line ends.
 */
import { stringify } from 'csv-stringify/sync';
import { writeFile } from 'node:fs/promises';
import { neutraliseFormula } from '../../shared/csvSafe';
import { cellText, JOURNAL_COLUMNS, type JournalRow } from '../../shared/journalRows';
import type { JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import type { JournalDoc } from './journalDoc';

export function journalCsvText(rows: readonly JournalRow[], separator: ';' | ','): string {
  // Text cells carry what requesters typed: neutralised so that no cell is run as a formula.
  const records = [
    JOURNAL_COLUMNS.map((c) => c.header),
    ...rows.map((r) => JOURNAL_COLUMNS.map((c) => (c.type === 'text' ? neutraliseFormula(cellText(c.type, r[c.key])) : cellText(c.type, r[c.key])))),
  ];
  // csv-stringify quotes a bare LF only when told: a multi-line address must stay one field.
  return stringify(records, { delimiter: separator, bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export async function writeJournalCsv(out: string, j: JournalDoc, ctl: JobControl = {}): Promise<void> {
  await writeAtomically(out, (tmp) => writeFile(tmp, journalCsvText(j.rows, j.csvSeparator), 'utf8'), ctl.signal);
  ctl.onProgress?.({ done: j.rows.length, total: j.rows.length });
}
