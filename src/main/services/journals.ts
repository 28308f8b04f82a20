/**
 * Journals of incoming requests. Numbering hangs on a journal's stable id; the name the clerk
 * sees (Settings → «Журнал») is a label, so renaming it can never restart the numbers.
 */
import { prepared, type Db } from '../db/open';

/** The journal every desk numbers in unless told otherwise: the same id on every desk, for sync. */
export const MAIN_JOURNAL = 'main';

export function activeJournalId(db: Db): string {
  const row = prepared(db, "SELECT value FROM meta WHERE key = 'journal_id'").get() as { value: string } | undefined;
  return row?.value ?? MAIN_JOURNAL;
}

/** Keeps the journal's label in step with the settings (called inside the settings transaction). */
export function labelJournal(db: Db, id: string, name: string): void {
  prepared(db, 'INSERT INTO journals (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name').run(id, name);
}
