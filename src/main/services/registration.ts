/** Registering an incoming request: the number, the record and the first event in one transaction. */
import { randomUUID } from 'node:crypto';
import type { RegisterResult } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { kyivDate, kyivIso, parseInstant } from '../../shared/calendar';
import { formatIndex } from '../../shared/incomingIndex';
import type { Registration, RequiredPart } from '../../shared/domain';
import { missingParts, normalizeRegistration } from '../../shared/registration';
import { parseInput, registerInput } from '../../shared/schemas';
import { prepared, type Db } from '../db/open';
import { insertEvent, newEvent } from './eventLog';
import { refreshProjection } from './projection';
import { activeJournalId } from './journals';
import { getSettings } from './settings';


/**
 * Takes the next number of the journal's year. Called inside the registration transaction:
 * the number and the record commit together, so a crash can lose neither one without the other,
 * and a number once committed is never handed out again.
 */
export function takeNumber(db: Db, journalId: string, year: number): number {
  const row = prepared(
    db,
      `INSERT INTO counters (journal, year, last)
       VALUES (?, ?, coalesce((SELECT max(seq) FROM requests WHERE journal_id = ? AND year = ?), 0) + 1)
       ON CONFLICT(journal, year) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(journalId, year, journalId, year) as { last: number };
  return row.last;
}

export interface NewRequestRow {
  id: string;
  /** The journal's label at registration. */
  journal: string;
  journalId: string;
  year: number;
  seq: number;
  index: string;
  reg: Registration;
  missing: RequiredPart[];
}

/** The registration row as first written; its state columns are filled by `refreshProjection` in the same transaction. */
export function insertRequestRow(db: Db, r: NewRequestRow): void {
  const { reg } = r;
  prepared(
    db,
      `INSERT INTO requests (id, journal, journal_id, year, seq, incoming_index, received_at, received_date, channel, form, requester_type,
        requester_name, postal_address, email, phone, description, urgent, urgent_reason, reply_by, signed, official_name,
        official_phone, complete, missing, status, executor, due_date, due_at, state, desk, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', NULL, NULL, NULL, '{}', ?, ?)`,
    )
    .run(
      r.id, r.journal, r.journalId, r.year, r.seq, r.index, reg.receivedAt, kyivDate(reg.receivedAt), reg.channel, reg.form, reg.requesterType,
      reg.requesterName, reg.postalAddress, reg.email, reg.phone, reg.description, reg.urgent ? 1 : 0, reg.urgentReason,
      reg.replyBy, reg.signed ? 1 : 0, reg.filledByOfficial?.name ?? null, reg.filledByOfficial?.phone ?? null,
      r.missing.length === 0 ? 1 : 0, JSON.stringify(r.missing), db.deskId, new Date().toISOString(),
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

export function registerRequest(db: Db, raw: unknown): RegisterResult {
  const input = parseInput(registerInput, raw);
  const received = input.receivedAt ? parseInstant(input.receivedAt)! : db.now();
  // A few minutes of slack for desks whose clocks disagree; a day ahead is a typing mistake.
  if (received.getTime() > db.now().getTime() + 10 * 60_000)
    throw new AppError('invalid_input', `Дата і час надходження ще не настали: ${kyivIso(received)}`);
  const receivedAt = kyivIso(received);
  const reg = normalizeRegistration(input, receivedAt);
  const missing = missingParts(reg);
  const settings = getSettings(db);
  const receivedDate = kyivDate(received);
  const year = Number(receivedDate.slice(0, 4));
  const journal = settings.index.journal;
  const id = randomUUID();

  const run = db.sqlite.transaction(() => {
    const journalId = activeJournalId(db);
    const seq = takeNumber(db, journalId, year);
    const index = formatIndex(settings.index.template, {
      n: seq,
      year,
      prefix: settings.index.prefix,
      desk: settings.index.deskCode,
      caseIndex: settings.index.caseIndex,
    });
    refuseRepeatedIndex(db, journalId, year, index);
    insertRequestRow(db, { id, journal, journalId, year, seq, index, reg, missing });
    insertEvent(db, newEvent(db, id, 'registered', { ...reg, index, journal, year, seq }));
    return refreshProjection(db, id, { cal: settings.calendar, rules: settings.rules });
  });
  // IMMEDIATE: take the write lock before reading the counter, so two desks' processes on one
  // file (or two windows) can never read the same last number.
  const { record, state } = run.immediate();
  return {
    id,
    index: record.index,
    receivedAt,
    dueDate: state.due!.dueDate,
    ...(state.due?.dueAt ? { dueAt: state.due.dueAt } : {}),
    status: state.status,
    complete: record.complete,
    missing: record.missing,
  };
}
