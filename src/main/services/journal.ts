/** The registration journal of a month or a period, in PDF, XLSX or CSV. */
import type { IsoDate } from '../../shared/calendar/types';
import type { RequestState } from '../../shared/domain';
import { journalExportInput, periodInput, type JournalFormat } from '../../shared/journalInputs';
import { journalRow, periodText, type JournalRow } from '../../shared/journalRows';
import { parseInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { writeJournalCsv } from '../journals/journalCsv';
import type { JournalDoc } from '../journals/journalDoc';
import { writeJournalPdf } from '../journals/journalPdf';
import { writeJournalXlsx } from '../journals/journalXlsx';
import type { JobControl } from './jobs';
import { rowToRecord, type RequestRow } from './projection';
import { getSettings } from './settings';

export const JOURNAL_TITLE = 'Журнал реєстрації запитів на публічну інформацію';

/** Every incoming number received in the period, in the order of the numbers, voided ones too. */
export function journalRows(db: Db, from: IsoDate, to: IsoDate): JournalRow[] {
  const rows = db.sqlite
    .prepare('SELECT * FROM requests WHERE received_date >= ? AND received_date <= ? ORDER BY journal, year, seq')
    .all(from, to) as RequestRow[];
  return rows.map((r, i) => journalRow(i + 1, rowToRecord(r), JSON.parse(r.state) as RequestState));
}

function totals(rows: readonly JournalRow[]): string[] {
  const voided = rows.filter((r) => r.voided).length;
  const count = (prefix: string) => rows.filter((r) => !r.voided && r.result?.startsWith(prefix)).length;
  const first = rows[0]?.index;
  const last = rows[rows.length - 1]?.index;
  return [
    `Усього зареєстровано номерів: ${rows.length}${rows.length ? ` (з № ${first} по № ${last})` : ''}, з них анульовано: ${voided}.`,
    `Надано відповідь: ${count('надано відповідь')}; відмовлено: ${count('відмовлено')}; направлено належному розпоряднику: ${count('направлено')}; залишено без розгляду: ${count('залишено без розгляду')}; на розгляді: ${rows.length - voided - count('надано відповідь') - count('відмовлено') - count('направлено') - count('залишено без розгляду')}.`,
  ];
}

export function journalDoc(db: Db, period: unknown): JournalDoc {
  const { from, to } = parseInput(periodInput, period);
  const s = getSettings(db);
  const rows = journalRows(db, from, to);
  return {
    holder: s.council.name,
    title: JOURNAL_TITLE,
    period: periodText(from, to),
    rows,
    totals: totals(rows),
    signature: { position: s.council.responsiblePosition, person: s.council.responsiblePerson },
    csvSeparator: s.exports.csvSeparator,
  };
}

export interface JournalExportResult {
  file: string;
  format: JournalFormat;
  rows: number;
  /** PDF only. */
  pages?: number;
}

export async function exportJournal(db: Db, raw: unknown, ctl: JobControl = {}): Promise<JournalExportResult> {
  const input = parseInput(journalExportInput, raw);
  const doc = journalDoc(db, { month: input.month, from: input.from, to: input.to });
  const base = { file: input.out, format: input.format, rows: doc.rows.length };
  switch (input.format) {
    case 'pdf':
      return { ...base, ...(await writeJournalPdf(input.out, doc, ctl)) };
    case 'xlsx':
      await writeJournalXlsx(input.out, doc, ctl);
      return base;
    case 'csv':
      await writeJournalCsv(input.out, doc, ctl);
      return base;
  }
}
