/** The registration journal of a month or a period, in PDF, XLSX or CSV. */
import type { IsoDate } from '../../shared/calendar/types';
import type { RequestState } from '../../shared/domain';
import { journalExportInput, periodInput, type JournalFormat } from '../../shared/journalInputs';
import { journalRow, periodText, unusedRow, type JournalRow } from '../../shared/journalRows';
import { parseInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { writeJournalCsv } from '../journals/journalCsv';
import type { JournalDoc } from '../journals/journalDoc';
import { writeJournalPdf } from '../journals/journalPdf';
import { writeJournalXlsx } from '../journals/journalXlsx';
import type { JobControl } from './jobs';
import { rowToRecord, type RequestRow } from './projection';
import { getSettings } from './settings';
import { unusedNumbers } from '../sync/yearEnd';

export const JOURNAL_TITLE = 'Журнал реєстрації запитів на публічну інформацію';

/** Every incoming number received in the period, in the order of the numbers, voided ones too. */
export function journalRows(db: Db, from: IsoDate, to: IsoDate): JournalRow[] {
  const rows = db.sqlite
    .prepare('SELECT * FROM requests WHERE received_date >= ? AND received_date <= ? ORDER BY journal, year, seq')
    .all(from, to) as RequestRow[];
  const unused = unusedNumbers(db, from, to);
  if (unused.length === 0) return rows.map((r, i) => journalRow(i + 1, rowToRecord(r), JSON.parse(r.state) as RequestState));
  // Reserved numbers never used stand at the year's end among the numbers, where each falls.
  const names = new Map((db.sqlite.prepare('SELECT id, name FROM journals').all() as { id: string; name: string }[]).map((j) => [j.id, j.name]));
  type Item = { key: [string, number, number]; row: (no: number) => JournalRow };
  const items: Item[] = [
    ...rows.map((r): Item => ({ key: [r.journal, r.year, r.seq], row: (no) => journalRow(no, rowToRecord(r), JSON.parse(r.state) as RequestState) })),
    ...unused.map((u): Item => ({ key: [names.get(u.journalId) ?? u.journalId, u.year, u.seq], row: (no) => unusedRow(no, u.index) })),
  ];
  items.sort((a, b) => Buffer.compare(Buffer.from(a.key[0]), Buffer.from(b.key[0])) || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return items.map((it, i) => it.row(i + 1));
}

function totals(all: readonly JournalRow[]): string[] {
  const unused = all.length - all.filter((r) => !r.unused).length;
  const rows = all.filter((r) => !r.unused);
  const voided = rows.filter((r) => r.voided).length;
  const count = (prefix: string) => rows.filter((r) => !r.voided && r.result?.startsWith(prefix)).length;
  const first = rows[0]?.index;
  const last = rows[rows.length - 1]?.index;
  return [
    `Усього зареєстровано номерів: ${rows.length}${rows.length ? ` (з № ${first} по № ${last})` : ''}, з них анульовано: ${voided}.`,
    ...(unused ? [`Зарезервовано, але не використано до кінця року номерів: ${unused}.`] : []),
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
