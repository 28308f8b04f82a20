/** Registering an incoming request: the number, the record and the first event in one transaction. */
import { randomUUID } from 'node:crypto';
import type { RegisterResult } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { kyivDate, kyivIso, parseInstant } from '../../shared/calendar';
import { formatIndex, seriesOf } from '../../shared/incomingIndex';
import type { Registration, RequestRecord, RequestState, RequiredPart } from '../../shared/domain';
import { isEmptyRegistration, MISSING_PART_FIELD, missingParts, normalizeRegistration, unconfirmedMissing } from '../../shared/registration';
import { REQUIRED_PART_LABEL } from '../../shared/wording';
import { ddmmyyyy, ddmmyyyyTime } from '../../shared/journalRows';
import { pastReceiptProblem } from '../../shared/pastReceipt';
import { parseInput, registerInput } from '../../shared/schemas';
import { prepared, type Db } from '../db/open';
import { insertEvent, newEvent } from './eventLog';
import { getRow, rowToRecord, signedColumns, statedColumn } from './projection';
import { deriveState } from '../../shared/requestState';
import { writeSearchEntry } from '../db/searchIndex';
import { activeJournalId } from './journals';
import { getSettings } from './settings';
import { takeNumber } from './numbers';


export interface NewRequestRow {
  id: string;
  /** The journal's label at registration. */
  journal: string;
  journalId: string;
  year: number;
  /** See `requests.series`. */
  series: string;
  seq: number;
  index: string;
  reg: Registration;
  missing: RequiredPart[];
  /** The desk that registered it: this one, or another desk's when applied from the server. */
  desk?: string;
}

/**
 * The registration row as first written. Without `state` its state columns are placeholders that
 * `refreshProjection` fills in the same transaction; with it (a fresh registration, whose fold is
 * already known) the row is written whole. Returns the row's integer key (the search entry's rowid).
 */
export function insertRequestRow(db: Db, r: NewRequestRow, state?: RequestState): number {
  const { reg } = r;
  return Number(
    prepared(
      db,
      `INSERT INTO requests (id, journal, journal_id, year, series, seq, incoming_index, received_at, received_date, channel, form, requester_type,
        requester_name, postal_address, email, phone, fax, request_date, description, urgent, urgent_reason, reply_by, signed, signed_known, official_name,
        official_phone, complete, missing, status, executor, executor_phone, due_date, due_at, state, desk, updated_at, received_time_known)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id, r.journal, r.journalId, r.year, r.series, r.seq, r.index, reg.receivedAt, kyivDate(reg.receivedAt), statedColumn(reg.channel), statedColumn(reg.form), reg.requesterType,
      // fax and requestDate: absent from events made before migration 0005 (another desk's, applied by sync).
      reg.requesterName, reg.postalAddress, reg.email, reg.phone, reg.fax ?? '', reg.requestDate ?? null, reg.description, reg.urgent ? 1 : 0, reg.urgentReason,
      // Channel, form, reply way and signature: unknown only in an imported journal's row (0008, 0009).
      statedColumn(reg.replyBy), ...signedColumns(reg.signed ?? null), reg.filledByOfficial?.name ?? null, reg.filledByOfficial?.phone ?? null,
      r.missing.length === 0 ? 1 : 0, JSON.stringify(r.missing),
      state?.status ?? 'registered', state?.executor ?? null, state?.executorPhone ?? null, state?.due?.dueDate ?? null, state?.due?.dueAt ?? null,
      state ? JSON.stringify(state) : '{}', r.desk ?? db.deskId, new Date().toISOString(),
      // An imported journal's row without a time (0008); every other registration, and older events, know it.
      reg.receivedTimeKnown === false ? 0 : 1,
    ).lastInsertRowid,
  );
}

/** The record `rowToRecord` reads back from the row `insertRequestRow` writes (no corrections yet). */
export function registrationRecord(r: NewRequestRow): RequestRecord {
  const { reg } = r;
  const official = reg.filledByOfficial?.name ? { name: reg.filledByOfficial.name, phone: reg.filledByOfficial.phone ?? '' } : null;
  return {
    id: r.id, index: r.index, journal: r.journal, year: r.year, seq: r.seq, receivedAt: reg.receivedAt, receivedTimeKnown: reg.receivedTimeKnown !== false, receivedDate: kyivDate(reg.receivedAt),
    channel: reg.channel, form: reg.form, requesterType: reg.requesterType, requesterName: reg.requesterName, postalAddress: reg.postalAddress,
    email: reg.email, phone: reg.phone, fax: reg.fax ?? '', requestDate: reg.requestDate ?? null, description: reg.description, urgent: !!reg.urgent,
    urgentReason: reg.urgentReason, replyBy: reg.replyBy, signed: reg.signed ?? null, filledByOfficial: official, complete: r.missing.length === 0, missing: [...r.missing],
  };
}

/**
 * A number already given: the unique index (journal, year, index) refuses it. It can only happen
 * after a template change whose numbers meet older ones (settings refuse such a template when they can see it).
 */
const repeatedIndex = (index: string, year: number) =>
  new AppError('conflict', `Номер ${index} у ${year} році вже видано. Змініть шаблон вхідного номера в налаштуваннях; номер не використано.`);

/** Inserts the row of a fresh registration, telling a refused number in words (no lookup before every registration). */
function insertFreshRow(db: Db, row: NewRequestRow, state: RequestState): number {
  try {
    return insertRequestRow(db, row, state);
  } catch (e) {
    if (/UNIQUE constraint failed: requests\.journal_id, requests\.year, requests\.incoming_index/.test(String((e as Error).message))) throw repeatedIndex(row.index, row.year);
    throw e;
  }
}

export interface RegisterOptions {
  /**
   * The desk's rule (the API the form calls): an incomplete request gets a number only when the
   * clerk names what is missing in `acceptMissing`. The CLI's contract registers it as incomplete.
   */
  confirmIncomplete?: boolean;
  /** The desk's rule too: a receipt date far in the past needs `acceptPastDate` (the CLI is told on stderr instead). */
  confirmPast?: boolean;
}

/** Why this receipt date needs the clerk's word, or null (see `pastReceiptProblem`). */
export function pastReceiptWarning(db: Db, receivedAt: string): string | null {
  const firstYear = prepared(db, 'SELECT min(year) FROM requests WHERE journal_id = ?').pluck().get(activeJournalId(db)) as number | null;
  return pastReceiptProblem(kyivDate(receivedAt), kyivDate(db.now()), firstYear);
}

export function registerRequest(db: Db, raw: unknown, opts: RegisterOptions = {}): RegisterResult {
  const input = parseInput(registerInput, raw);
  const received = input.receivedAt ? parseInstant(input.receivedAt)! : db.now();
  // A few minutes of slack for desks whose clocks disagree; a day ahead is a typing mistake.
  if (received.getTime() > db.now().getTime() + 10 * 60_000)
    throw new AppError('invalid_input', `Дата і час надходження ще не настали: ${ddmmyyyyTime(kyivIso(received))}`);
  const receivedAt = kyivIso(received);
  const reg = normalizeRegistration(input, receivedAt);
  // A request is written before it arrives: a later date on it is a typing mistake.
  if (reg.requestDate && reg.requestDate > kyivDate(received))
    throw new AppError('invalid_input', `Дата на запиті (${ddmmyyyy(reg.requestDate)}) пізніша за дату надходження (${ddmmyyyy(kyivDate(received))}). Номер не видано.`, [
      { path: 'requestDate', message: 'дата на запиті не може бути пізнішою за дату надходження' },
    ]);
  const missing = missingParts(reg);
  if (isEmptyRegistration(reg))
    throw new AppError('invalid_input', 'Порожній запит не реєструється: вкажіть запитувача, його адресу та зміст запиту. Номер не видано.', [
      { path: '', message: 'Порожній запит не реєструється. Номер не видано.' },
      { path: 'requesterName', message: 'вкажіть ПІБ або найменування запитувача' },
      { path: 'description', message: 'вкажіть, яку інформацію запитують' },
    ]);
  const unconfirmed = opts.confirmIncomplete ? unconfirmedMissing(missing, input.acceptMissing) : [];
  if (unconfirmed.length > 0)
    throw new AppError(
      'invalid_input',
      `Запит неповний (ч. 5 ст. 19 Закону): бракує — ${unconfirmed.map((m) => REQUIRED_PART_LABEL[m]).join('; ')}. Доповніть або підтвердьте реєстрацію неповного запиту. Номер не видано.`,
      unconfirmed.map((m) => ({ path: MISSING_PART_FIELD[m], message: `бракує: ${REQUIRED_PART_LABEL[m]}` })),
    );
  if (opts.confirmPast && !input.acceptPastDate) {
    const past = pastReceiptWarning(db, receivedAt);
    if (past) throw new AppError('invalid_input', `${past} Номер не видано.`, [{ path: 'acceptPastDate', message: past }]);
  }
  const receivedDate = kyivDate(received);
  const year = Number(receivedDate.slice(0, 4));
  const id = randomUUID();

  const keyName = input.clientKey ? `client-key:${input.clientKey}` : null;
  const run = db.sqlite.transaction(() => {
    // The same form sent twice gets its first registration back, never a second number.
    const earlier = keyName ? (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(keyName) as { value: string } | undefined) : undefined;
    if (earlier) return storedResult(db, earlier.value);
    // Read under the write lock: terms or a template another process saved after this call began
    // must be the ones this request is numbered and dated by (its settings change recomputed only
    // the requests that existed then).
    const settings = getSettings(db);
    const journal = settings.index.journal;
    const journalId = activeJournalId(db);
    const series = seriesOf(settings.index.template, settings.index.deskCode);
    const seq = takeNumber(db, journalId, year, series, id);
    const index = formatIndex(settings.index.template, {
      n: seq,
      year,
      prefix: settings.index.prefix,
      desk: settings.index.deskCode,
      caseIndex: settings.index.caseIndex,
    });
    const row: NewRequestRow = { id, journal, journalId, year, series, seq, index, reg, missing };
    const event = newEvent(db, id, 'registered', { ...reg, index, journal, year, seq, journalId, series });
    // The fold of the one event being written, as `refreshProjection` would read it back (through
    // JSON, as stored), so the row is written once instead of written, read, folded and rewritten.
    // `verify` re-folds every request from its events and would report any difference.
    const record = registrationRecord(row);
    const state = deriveState(record, [{ ...event, payload: JSON.parse(JSON.stringify(event.payload)) }], settings.calendar, settings.rules);
    const pk = insertFreshRow(db, row, state);
    insertEvent(db, event);
    writeSearchEntry(db.sqlite, pk, id, record, state);
    if (keyName) prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(keyName, id);
    return { record, state };
  });
  // IMMEDIATE: take the write lock before reading the counter, so two desks' processes on one
  // file (or two windows) can never read the same last number.
  const { record, state } = run.immediate();
  return {
    id: record.id,
    index: record.index,
    receivedAt: record.receivedAt,
    dueDate: state.due!.dueDate,
    ...(state.due?.dueAt ? { dueAt: state.due.dueAt } : {}),
    status: state.status,
    complete: record.complete,
    missing: record.missing,
  };
}

/** A registration already made, as `registerRequest` reported it. */
function storedResult(db: Db, id: string): { record: RequestRecord; state: RequestState } {
  const row = getRow(db, id);
  if (!row) throw new AppError('internal', `Реєстрацію ${id} не знайдено`);
  return { record: rowToRecord(row), state: JSON.parse(row.state) as RequestState };
}
