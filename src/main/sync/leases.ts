/**
 * The leased reserve of the journal's shared series: refilled at every sync to LEASE_SIZE unused
 * numbers for this year, and from December for the next year too, so a desk offline on
 * 31 December still numbers the first requests of January.
 */
import type pg from 'pg';
import { kyivDate } from '../../shared/calendar';
import { seriesOf } from '../../shared/incomingIndex';
import { prepared, type Db } from '../db/open';
import { activeJournalId } from '../services/journals';
import { getSettings } from '../services/settings';

export const LEASE_SIZE = 20;

export async function refillLeases(db: Db, client: pg.Client, size = LEASE_SIZE): Promise<number> {
  const s = getSettings(db);
  if (seriesOf(s.index.template, s.index.deskCode) !== '') return 0;
  const journalId = activeJournalId(db);
  const today = kyivDate(db.now());
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  let got = 0;
  for (const y of years) {
    const rows = (await client.query<{ n: number }>('SELECT lease_numbers($1, $2, $3, $4) AS n', [db.deskId, journalId, y, size])).rows;
    const at = new Date().toISOString();
    // Stored as given; a number this desk already used stays used (its row is not touched).
    db.sqlite.transaction(() => {
      for (const r of rows) got += prepared(db, 'INSERT OR IGNORE INTO number_leases (journal_id, year, seq, leased_at) VALUES (?, ?, ?, ?)').run(journalId, y, r.n, at).changes;
    })();
  }
  return got;
}
