/**
 * Where an incoming number comes from. A desk's own series (`{desk}` templates) counts locally.
 * The journal's shared series counts locally too until the desk joins a shared register; from
 * then on it only uses numbers the server leased to it, so two desks can never give the same one.
 * All of it runs inside the registration transaction: the number and the record commit together.
 */
import { AppError } from '../../shared/errors';
import { prepared, type Db } from '../db/open';
import { numberingHold } from '../sync/identity';

/** Raises the series' counter to at least `seq` (numbers seen from other desks or leases count too). */
export function raiseCounter(db: Db, journalId: string, year: number, series: string, seq: number): void {
  prepared(db, 'INSERT INTO counters (journal, year, series, last) VALUES (?, ?, ?, ?) ON CONFLICT(journal, year, series) DO UPDATE SET last = max(last, excluded.last)')
    .run(journalId, year, series, seq);
}

function nextInSeries(db: Db, journalId: string, year: number, series: string): number {
  const row = prepared(
    db,
    `INSERT INTO counters (journal, year, series, last)
     VALUES (?, ?, ?, coalesce((SELECT max(seq) FROM requests WHERE journal_id = ? AND year = ? AND series = ?), 0) + 1)
     ON CONFLICT(journal, year, series) DO UPDATE SET last = last + 1
     RETURNING last`,
  ).get(journalId, year, series, journalId, year, series) as { last: number };
  return row.last;
}

/** True once the desk has synced with a shared register: its shared-series numbers then come from leases. */
export const usesLeases = (db: Db): boolean => !!prepared(db, "SELECT 1 FROM meta WHERE key = 'sync.desk_name'").get();

export const freeLeases = (db: Db, journalId: string, year: number): number =>
  (prepared(db, 'SELECT count(*) AS n FROM number_leases WHERE journal_id = ? AND year = ? AND request_id IS NULL').get(journalId, year) as { n: number }).n;

function takeLeased(db: Db, journalId: string, year: number, requestId: string): number {
  const row = prepared(db, 'SELECT min(seq) AS seq FROM number_leases WHERE journal_id = ? AND year = ? AND request_id IS NULL').get(journalId, year) as { seq: number | null };
  if (row.seq === null)
    throw new AppError(
      'conflict',
      `Резерв вхідних номерів на ${year} рік вичерпано, а зв'язку зі спільним реєстром немає. Відновіть з'єднання із сервером (номери видасть сервер) або перейдіть на окрему серію номерів робочого місця ({desk} у шаблоні). Запит не зареєстровано.`,
    );
  prepared(db, 'UPDATE number_leases SET request_id = ? WHERE journal_id = ? AND year = ? AND seq = ?').run(requestId, journalId, year, row.seq);
  raiseCounter(db, journalId, year, '', row.seq);
  return row.seq;
}

export function takeNumber(db: Db, journalId: string, year: number, series: string, requestId: string): number {
  const hold = numberingHold(db);
  if (hold) throw new AppError('conflict', hold);
  return series === '' && usesLeases(db) ? takeLeased(db, journalId, year, requestId) : nextInSeries(db, journalId, year, series);
}
