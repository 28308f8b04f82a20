/**
 * Checks a register the way an auditor would, against everything the register promises: the
 * file is sound and ours, the guarding triggers are in place, the event log is whole, unedited
 * and sealed with the register's key, every request's registration and state are what its
 * events say, no event lacks its request, every printed number is unique, and every counter
 * stands exactly at the highest number it gave.
 */
import type { Registration, RequestState } from '../../shared/domain';
import { deriveState } from '../../shared/requestState';
import { APPLICATION_ID, type Db } from '../db/open';
import { sealOf } from '../db/registerKey';
import { eventHash, eventRowsInOrder, loadEvents, rowToEvent } from './eventLog';
import { currentRegistration } from '../../shared/corrections';
import { calendarAndRules, rowToRecord, type RequestRow } from './projection';
import { CancelledError, isCancelled, type JobControl } from './jobs';

export interface VerifyReport {
  ok: boolean;
  requests: number;
  events: number;
  findings: string[];
}

/** The triggers that keep the log append-only and the numbers fixed (migrations 0001 to 0003). */
export const GUARD_TRIGGERS = [
  'events_append_only_update',
  'events_append_only_delete',
  'events_mac_once',
  'requests_never_deleted',
  'requests_number_fixed',
  'counters_only_grow',
  'counters_never_deleted',
  'journals_id_fixed',
  'journals_never_deleted',
  'checkpoints_append_only_update',
  'checkpoints_append_only_delete',
  'number_leases_used_once',
  'number_leases_never_deleted',
  'attachments_append_only_update',
  'attachments_append_only_delete',
] as const;

const REGISTRATION_FIELDS = [
  'receivedAt', 'channel', 'form', 'requesterType', 'requesterName', 'postalAddress', 'email', 'phone',
  'fax', 'requestDate', 'description', 'urgent', 'urgentReason', 'replyBy', 'signed', 'filledByOfficial',
] as const satisfies readonly (keyof Registration)[];

/**
 * SQLite's integrity check of an FTS5 index uses the connection's cached copy of the index's
 * structure without first asking whether another connection wrote since (SQLite 3.51): on a desk
 * that stayed open while the CLI or a job worker registered, it reported «fts5: checksum mismatch»
 * on a sound file. Any query of the index reloads that copy; one read transaction holds both to the
 * same snapshot.
 */
function integrityCheck(db: Db): string {
  return db.sqlite.transaction(() => {
    db.sqlite.prepare("SELECT rowid FROM requests_fts WHERE requests_fts MATCH '\"0\"' LIMIT 1").get();
    return String(db.sqlite.pragma('integrity_check', { simple: true }));
  })();
}

function checkFile(db: Db, findings: string[]): void {
  const integrity = integrityCheck(db);
  if (integrity !== 'ok') findings.push(`Файл бази пошкоджено: ${String(integrity)}`);
  if (db.sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) findings.push('Файл не позначено як реєстр Registry Desk (application_id)');
  const present = new Set(db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  for (const t of GUARD_TRIGGERS) if (!present.has(t)) findings.push(`Вилучено захисний тригер ${t}: записи реєстру можна було змінювати`);
}

/**
 * Progress over every event and request walked (the two long parts), told every few thousand rows;
 * «Скасувати» is seen at the same points. The check writes nothing, so a cancel leaves nothing.
 */
function walker(db: Db, ctl: JobControl): () => void {
  const total =
    (db.sqlite.prepare('SELECT count(*) FROM events').pluck().get() as number) + (db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get() as number);
  let done = 0;
  ctl.onProgress?.({ done, total, phase: 'checking' });
  return () => {
    if (++done % 5000 !== 0) return;
    if (isCancelled(ctl)) throw new CancelledError();
    ctl.onProgress?.({ done, total, phase: 'checking' });
  };
}

function checkChain(db: Db, findings: string[], step: () => void): number {
  // Walked row by row, never held whole: the log of a big register is hundreds of thousands of events.
  let prev = '';
  let chainBroken = false;
  let sealBroken = false;
  let count = 0;
  let lastPos = 0;
  for (const row of eventRowsInOrder(db)) {
    step();
    if (!chainBroken && eventHash(prev, rowToEvent(row)) !== row.hash) {
      findings.push(`Журнал подій змінено або пошкоджено: подія ${row.id} (позиція ${row.pos})`);
      chainBroken = true;
    }
    // The seal is what a forger cannot recompute: it catches a log rewritten with a fresh plain chain.
    if (!sealBroken && row.mac !== sealOf(db.key, row.pos, row.hash)) {
      findings.push(`Печатка журналу подій не збігається з позиції ${row.pos}: журнал переписано або ключ реєстру не той`);
      sealBroken = true;
    }
    prev = row.hash;
    count++;
    lastPos = Math.max(lastPos, row.pos);
  }
  // AUTOINCREMENT remembers the highest position ever used, so even a removed last event shows.
  const issued = (db.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get() as number | undefined) ?? 0;
  const missing = issued - count;
  if (missing !== 0 || lastPos > issued) findings.push(`З журналу подій вилучено ${missing} запис(ів)`);
  const cps = db.sqlite.prepare('SELECT pos, hash, mac FROM checkpoints ORDER BY pos').all() as { pos: number; hash: string; mac: string }[];
  const hashAt = db.sqlite.prepare('SELECT hash FROM events WHERE pos = ?').pluck();
  for (const cp of cps) {
    if (cp.mac !== sealOf(db.key, cp.pos, cp.hash)) findings.push(`Контрольну точку журналу на позиції ${cp.pos} підроблено`);
    else if (hashAt.get(cp.pos) !== cp.hash) findings.push(`Журнал подій не збігається з контрольною точкою на позиції ${cp.pos}`);
  }
  return count;
}

function checkRequests(db: Db, findings: string[], step: () => void): number {
  const { cal, rules } = calendarAndRules(db);
  let count = 0;
  for (const row of db.sqlite.prepare('SELECT * FROM requests ORDER BY year, seq').iterate() as IterableIterator<RequestRow>) {
    count++;
    step();
    const record = rowToRecord(row);
    const label = `${record.index} (${record.year})`;
    const evs = loadEvents(db, record.id);
    const registered = evs.find((e) => e.type === 'registered');
    if (!registered) {
      findings.push(`Запит ${label} не має події реєстрації`);
      continue;
    }
    const p = registered.payload as Registration & { index: string; year: number; seq: number };
    // The registration as the log says it stands: the registered event with every correction applied.
    const current = currentRegistration(evs) ?? p;
    const differs: string[] = REGISTRATION_FIELDS.filter((k) => JSON.stringify(record[k] ?? null) !== JSON.stringify(current[k] ?? null));
    if (p.index !== record.index || p.year !== record.year || p.seq !== record.seq) differs.push('receivedAt');
    // Absent in every event but an imported row's without a time (0008): absent means known.
    if ((p.receivedTimeKnown !== false) !== record.receivedTimeKnown) differs.push('receivedTimeKnown');
    if (differs.length) findings.push(`Дані реєстрації запиту ${label} не відповідають журналу подій: ${[...new Set(differs)].join(', ')}`);
    const derived = deriveState(record, evs, cal, rules);
    const stored = JSON.parse(row.state) as RequestState;
    if (JSON.stringify(derived) !== JSON.stringify(stored) || row.status !== derived.status || row.due_date !== (derived.due?.dueDate ?? null))
      findings.push(`Стан запиту ${label} не відповідає журналу подій`);
  }
  const orphans = db.sqlite.prepare('SELECT DISTINCT request_id FROM events WHERE request_id NOT IN (SELECT id FROM requests)').pluck().all() as string[];
  if (orphans.length) findings.push(`Події без запиту (реєстрацію вилучено): ${orphans.length} запит(ів), напр. ${orphans[0]}`);
  return count;
}

function checkNumbers(db: Db, findings: string[]): void {
  const dupIndex = db.sqlite
    .prepare('SELECT journal_id, year, incoming_index AS idx, count(*) AS n FROM requests GROUP BY journal_id, year, incoming_index HAVING n > 1')
    .all() as { journal_id: string; year: number; idx: string; n: number }[];
  for (const d of dupIndex) findings.push(`Номер ${d.idx} (${d.year}) видано ${d.n} рази`);
  const dupSeq = db.sqlite.prepare('SELECT year, seq, count(*) AS n FROM requests GROUP BY journal_id, year, series, seq HAVING n > 1').all() as { year: number; seq: number; n: number }[];
  for (const d of dupSeq) findings.push(`Порядковий номер ${d.seq} (${d.year}) видано ${d.n} рази`);
  const unknown = db.sqlite.prepare('SELECT DISTINCT journal_id FROM requests WHERE journal_id NOT IN (SELECT id FROM journals)').pluck().all() as string[];
  for (const j of unknown) findings.push(`Запити належать невідомому журналу «${j}»`);
  // Exactly equal: behind would hand a number out twice, ahead is a silent gap in the journal.
  const counters = db.sqlite
    .prepare(
      `SELECT j AS journal, y AS year, (SELECT max(seq) FROM requests WHERE journal_id = j AND year = y AND series = s) AS m,
              (SELECT last FROM counters WHERE journal = j AND year = y AND series = s) AS last,
              (SELECT max(seq) FROM requests WHERE year = y AND series = s) AS yearMax
       FROM (SELECT journal_id AS j, year AS y, series AS s FROM requests UNION SELECT journal, year, series FROM counters)`,
    )
    .all() as { journal: string; year: number; m: number | null; last: number | null; yearMax: number | null }[];
  for (const c of counters) {
    const m = c.m ?? 0;
    const last = c.last ?? 0;
    if (last < m) findings.push(`Лічильник номерів ${c.year} (${c.journal}) відстає від виданих номерів: ${last} < ${m}`);
    // A register upgraded after a rename continues from the highest number of any of its journals.
    if (last > m && last > (c.yearMax ?? 0)) findings.push(`Лічильник номерів ${c.year} (${c.journal}) забіг наперед: видано до ${m}, а лічильник ${last} — пропуск ${last - m} номер(ів)`);
  }
}

export function verifyRegister(db: Db, ctl: JobControl = {}): VerifyReport {
  const findings: string[] = [];
  checkFile(db, findings);
  const step = walker(db, ctl);
  const events = checkChain(db, findings, step);
  const requests = checkRequests(db, findings, step);
  checkNumbers(db, findings);
  return { ok: findings.length === 0, requests, events, findings };
}
