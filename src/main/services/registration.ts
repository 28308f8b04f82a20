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
import { channelColumn, getRow, refreshProjection, rowToRecord } from './projection';
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

/** The registration row as first written; its state columns are filled by `refreshProjection` in the same transaction. */
export function insertRequestRow(db: Db, r: NewRequestRow): void {
  const { reg } = r;
  prepared(
    db,
      `INSERT INTO requests (id, journal, journal_id, year, series, seq, incoming_index, received_at, received_date, channel, form, requester_type,
        requester_name, postal_address, email, phone, fax, request_date, description, urgent, urgent_reason, reply_by, signed, official_name,
        official_phone, complete, missing, status, executor, due_date, due_at, state, desk, updated_at, received_time_known)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', NULL, NULL, NULL, '{}', ?, ?, ?)`,
    )
    .run(
      r.id, r.journal, r.journalId, r.year, r.series, r.seq, r.index, reg.receivedAt, kyivDate(reg.receivedAt), channelColumn(reg.channel), reg.form, reg.requesterType,
      // fax and requestDate: absent from events made before migration 0005 (another desk's, applied by sync).
      reg.requesterName, reg.postalAddress, reg.email, reg.phone, reg.fax ?? '', reg.requestDate ?? null, reg.description, reg.urgent ? 1 : 0, reg.urgentReason,
      reg.replyBy, reg.signed ? 1 : 0, reg.filledByOfficial?.name ?? null, reg.filledByOfficial?.phone ?? null,
      r.missing.length === 0 ? 1 : 0, JSON.stringify(r.missing), r.desk ?? db.deskId, new Date().toISOString(),
      // An imported journal's row without a time (0008); every other registration, and older events, know it.
      reg.receivedTimeKnown === false ? 0 : 1,
    );
}

/**
 * The unique index would refuse it anyway; this says why in words. It can only happen after a
 * template change whose numbers meet older ones (settings refuse such a template when they can see it).
 */
export function refuseRepeatedIndex(db: Db, journalId: string, year: number, index: string): void {
  if (prepared(db, 'SELECT 1 FROM requests WHERE journal_id = ? AND year = ? AND incoming_index = ?').get(journalId, year, index))
    throw new AppError('conflict', `Номер ${index} у ${year} році вже видано. Змініть шаблон вхідного номера в налаштуваннях; номер не використано.`);
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
  const settings = getSettings(db);
  const receivedDate = kyivDate(received);
  const year = Number(receivedDate.slice(0, 4));
  const journal = settings.index.journal;
  const id = randomUUID();

  const keyName = input.clientKey ? `client-key:${input.clientKey}` : null;
  const run = db.sqlite.transaction(() => {
    // The same form sent twice gets its first registration back, never a second number.
    const earlier = keyName ? (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(keyName) as { value: string } | undefined) : undefined;
    if (earlier) return storedResult(db, earlier.value);
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
    refuseRepeatedIndex(db, journalId, year, index);
    insertRequestRow(db, { id, journal, journalId, year, series, seq, index, reg, missing });
    insertEvent(db, newEvent(db, id, 'registered', { ...reg, index, journal, year, seq, journalId, series }));
    if (keyName) prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(keyName, id);
    return refreshProjection(db, id, { cal: settings.calendar, rules: settings.rules });
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
