/**
 * Rebuilds a request's row in `requests` and its search entry from the event log, so that the
 * projection can never drift from the events it was derived from.
 */
import type { CalendarSettings } from '../../shared/calendar/types';
import type { DeadlineRules } from '../../shared/deadlines';
import type { Channel, Registration, ReplyWay, RequestEvent, RequestForm, RequestRecord, RequestState } from '../../shared/domain';
import { currentRegistration } from '../../shared/corrections';
import { missingParts } from '../../shared/registration';
import { deriveState, FOLD_VERSION } from '../../shared/requestState';
import { prepared, type Db } from '../db/open';
import { writeSearchEntry } from '../db/searchIndex';
import { loadEvents } from './eventLog';
import { getSettings } from './settings';

export interface RequestRow {
  pk: number;
  id: string;
  journal: string;
  year: number;
  seq: number;
  incoming_index: string;
  received_at: string;
  received_date: string;
  /** Since 0008; 0 when only the date of receipt is known. */
  received_time_known: number;
  /** '' when the source did not state it (see `statedColumn`); so `form` and `reply_by`. */
  channel: string;
  form: string;
  requester_type: string;
  requester_name: string;
  postal_address: string;
  email: string;
  phone: string;
  fax: string;
  request_date: string | null;
  description: string;
  urgent: number;
  urgent_reason: string;
  reply_by: string;
  signed: number;
  /** Since 0009; 0 when an imported journal did not state the signature. */
  signed_known: number;
  official_name: string | null;
  official_phone: string | null;
  complete: number;
  missing: string;
  status: string;
  executor: string | null;
  executor_phone: string | null;
  due_date: string | null;
  due_at: string | null;
  state: string;
  desk: string;
  updated_at: string;
}

export function rowToRecord(r: RequestRow): RequestRecord {
  return {
    id: r.id,
    index: r.incoming_index,
    journal: r.journal,
    year: r.year,
    seq: r.seq,
    receivedAt: r.received_at,
    receivedDate: r.received_date,
    receivedTimeKnown: r.received_time_known !== 0,
    channel: stated<Channel>(r.channel),
    form: stated<RequestForm>(r.form),
    requesterType: r.requester_type as Registration['requesterType'],
    requesterName: r.requester_name,
    postalAddress: r.postal_address,
    email: r.email,
    phone: r.phone,
    fax: r.fax,
    requestDate: r.request_date,
    description: r.description,
    urgent: r.urgent === 1,
    urgentReason: r.urgent_reason,
    replyBy: stated<ReplyWay>(r.reply_by),
    signed: r.signed_known === 0 ? null : r.signed === 1,
    filledByOfficial: r.official_name ? { name: r.official_name, phone: r.official_phone ?? '' } : null,
    complete: r.complete === 1,
    missing: JSON.parse(r.missing) as RequestRecord['missing'],
  };
}

/**
 * The channel, form and reply-way columns are NOT NULL (since 0000): what an imported journal did
 * not state is kept as '' and read back as null («не зазначено»).
 */
export const statedColumn = (v: string | null): string => v ?? '';
const stated = <T extends string>(v: string): T | null => (v === '' ? null : (v as T));

/** `signed` and `signed_known` (0009): an unstated signature is (0, 0). */
export const signedColumns = (signed: boolean | null): [number, number] => (signed === null ? [0, 0] : [signed ? 1 : 0, 1]);

export function getRow(db: Db, id: string): RequestRow | undefined {
  return prepared(db, 'SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
}

export function calendarAndRules(db: Db): { cal: CalendarSettings; rules: DeadlineRules } {
  const s = getSettings(db);
  return { cal: s.calendar, rules: s.rules };
}

/** Folds the events and writes the result into the projection and the search index. */
export function refreshProjection(db: Db, requestId: string, ctx = calendarAndRules(db)): { record: RequestRecord; state: RequestState; events: RequestEvent[] } {
  const row = getRow(db, requestId);
  if (!row) throw new Error(`projection: no request ${requestId}`);
  const events = loadEvents(db, requestId);
  const record = applyCorrections(db, rowToRecord(row), events);
  const state = deriveState(record, events, ctx.cal, ctx.rules);
  prepared(
    db, 'UPDATE requests SET status = ?, executor = ?, executor_phone = ?, due_date = ?, due_at = ?, state = ?, updated_at = ? WHERE id = ?')
    .run(state.status, state.executor, state.executorPhone, state.due?.dueDate ?? null, state.due?.dueAt ?? null, JSON.stringify(state), new Date().toISOString(), requestId);
  writeSearchEntry(db.sqlite, row.pk, requestId, record, state);
  return { record, state, events };
}

/**
 * The registration columns are a projection too: the `registered` event with every correction
 * applied. Rewritten only when a correction exists, so a plain request costs nothing here.
 */
function applyCorrections(db: Db, record: RequestRecord, events: readonly RequestEvent[]): RequestRecord {
  if (!events.some((e) => e.type === 'corrected')) return record;
  const reg = currentRegistration(events);
  if (!reg) return record;
  const missing = missingParts(reg);
  const next: RequestRecord = { ...record, ...reg, receivedAt: record.receivedAt, complete: missing.length === 0, missing };
  prepared(
    db,
    `UPDATE requests SET channel = ?, form = ?, requester_type = ?, requester_name = ?, postal_address = ?, email = ?, phone = ?,
      fax = ?, request_date = ?, description = ?, urgent = ?, urgent_reason = ?, reply_by = ?, signed = ?, signed_known = ?, official_name = ?, official_phone = ?, complete = ?, missing = ?
     WHERE id = ?`,
  ).run(
    statedColumn(next.channel), statedColumn(next.form), next.requesterType, next.requesterName, next.postalAddress, next.email, next.phone, next.fax, next.requestDate, next.description,
    next.urgent ? 1 : 0, next.urgentReason, statedColumn(next.replyBy), ...signedColumns(next.signed), next.filledByOfficial?.name ?? null,
    next.filledByOfficial?.phone ?? null, next.complete ? 1 : 0, JSON.stringify(missing), record.id,
  );
  return next;
}

/**
 * Re-derives every stored state when the register was last projected by an older fold (see
 * FOLD_VERSION). The events are untouched: only their projection is rewritten, in one transaction.
 */
export function refreshStaleProjections(db: Db): void {
  const row = db.sqlite.prepare("SELECT value FROM meta WHERE key = 'fold_version'").get() as { value: string } | undefined;
  if (row?.value === String(FOLD_VERSION)) return;
  db.sqlite
    .transaction(() => {
      // Under the write lock, like every fold that stores a state: terms saved elsewhere a moment ago count.
      const ctx = calendarAndRules(db);
      for (const id of db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[]) refreshProjection(db, id, ctx);
      db.sqlite.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('fold_version', ?)").run(String(FOLD_VERSION));
    })
    .immediate();
}
