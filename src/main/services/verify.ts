/**
 * Checks a register the way an auditor would: the file is sound, the event log is whole and
 * unedited (hash chain), and every request's stored state is what its events say.
 */
import type { RequestState } from '../../shared/domain';
import { deriveState } from '../../shared/requestState';
import type { Db } from '../db/open';
import { allEventRows, eventHash, loadEvents, rowToEvent } from './eventLog';
import { calendarAndRules, rowToRecord, type RequestRow } from './projection';

export interface VerifyReport {
  ok: boolean;
  requests: number;
  events: number;
  findings: string[];
}

export function verifyRegister(db: Db): VerifyReport {
  const findings: string[] = [];
  const integrity = db.sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') findings.push(`Файл бази пошкоджено: ${String(integrity)}`);

  const events = allEventRows(db);
  let prev = '';
  for (const row of events) {
    const expected = eventHash(prev, rowToEvent(row));
    if (expected !== row.hash) {
      findings.push(`Журнал подій змінено або пошкоджено: подія ${row.id} (позиція ${row.pos})`);
      break;
    }
    prev = row.hash;
  }
  // AUTOINCREMENT remembers the highest position ever used, so even a removed last event shows.
  const issued = (db.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get() as number | undefined) ?? 0;
  if (issued !== events.length) findings.push(`З журналу подій вилучено ${issued - events.length} запис(ів)`);

  const { cal, rules } = calendarAndRules(db);
  const rows = db.sqlite.prepare('SELECT * FROM requests ORDER BY year, seq').all() as RequestRow[];
  for (const row of rows) {
    const record = rowToRecord(row);
    const evs = loadEvents(db, record.id);
    if (!evs.some((e) => e.type === 'registered')) findings.push(`Запит ${record.index} (${record.year}) не має події реєстрації`);
    const derived = deriveState(record, evs, cal, rules);
    const stored = JSON.parse(row.state) as RequestState;
    if (JSON.stringify(derived) !== JSON.stringify(stored) || row.status !== derived.status)
      findings.push(`Стан запиту ${record.index} (${record.year}) не відповідає журналу подій`);
  }
  const counters = db.sqlite
    .prepare('SELECT r.journal, r.year, max(r.seq) AS m, c.last FROM requests r LEFT JOIN counters c ON c.journal = r.journal AND c.year = r.year GROUP BY r.journal, r.year')
    .all() as { journal: string; year: number; m: number; last: number | null }[];
  for (const c of counters)
    if ((c.last ?? 0) < c.m) findings.push(`Лічильник номерів ${c.year} (${c.journal}) відстає від виданих номерів: ${c.last} < ${c.m}`);
  return { ok: findings.length === 0, requests: rows.length, events: events.length, findings };
}
