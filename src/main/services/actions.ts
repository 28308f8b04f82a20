/** Lifecycle actions on a registered request: each one is checked against the state, then appended as an event. */
import { kyivDate, kyivIso, parseInstant } from '../../shared/calendar';
import type { EventPayloads, EventType, RequestEvent, RequestView, Action } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { deriveState } from '../../shared/requestState';
import { actInput, actionInputs, parseInput } from '../../shared/schemas';
import { whyNot } from '../../shared/transitions';
import { computeCost } from '../../shared/fees';
import { correctionPayload } from './corrections';
import { actionWarnings } from '../../shared/termGuards';
import { assertOutgoingFree } from './outgoing';
import type { Db } from '../db/open';
import { insertEvent, loadEvents, newEvent } from './eventLog';
import { calendarAndRules, refreshProjection, rowToRecord } from './projection';
import { findRequestRow, foldedView, getRequest } from './queries';
import { getSettings } from './settings';

const EVENT_OF: Record<Action, EventType> = {
  assign: 'assigned',
  extend: 'extended',
  cost_notice: 'cost_notice',
  payment_received: 'payment_received',
  answer: 'answered',
  refuse: 'refused',
  redirect: 'redirected',
  not_considered: 'not_considered',
  void: 'voided',
  note: 'note',
  correct: 'corrected',
};

export function actOnRequest(db: Db, raw: unknown): RequestView {
  const { index, year, action, input, confirmed } = parseInput(actInput, raw);
  const payload = parseInput(actionInputs[action], input ?? {}) as Record<string, unknown>;
  const run = db.sqlite.transaction(() => {
    // Read the state and the terms inside the write transaction: another window may have acted,
    // or another process changed the terms, a moment ago.
    const ctx = calendarAndRules(db);
    const row = findRequestRow(db, { index, year });
    const record = rowToRecord(row);
    const events = loadEvents(db, record.id);
    const state = deriveState(record, events, ctx.cal, ctx.rules);
    const reason = whyNot(action, { status: state.status, extended: state.extended, costNoticeSent: state.cost !== null, paid: state.paymentDate !== null }, payload.ground as number | undefined);
    if (reason) throw new AppError('not_allowed', reason);
    const today = kyivDate(db.now());
    const warnings = actionWarnings(action, payload, { state, events, postalAddress: record.postalAddress, email: record.email }, today);
    if (warnings.length > 0 && confirmed !== true)
      throw new AppError('not_allowed', `Потрібне підтвердження: ${warnings.map((w) => w.message).join(' ')}`);
    if (warnings.length > 0) payload.warnings = warnings;
    if (action === 'answer') Object.assign(payload, answerMoment(payload.date as string | undefined, db.now(), record.receivedAt));
    for (const key of ['date'] as const) {
      const d = payload[key] as string | undefined;
      if (d !== undefined && d < record.receivedDate) throw new AppError('invalid_input', `Дата ${d} раніша за дату надходження запиту ${record.receivedDate}`);
      if (d !== undefined && d > today) throw new AppError('invalid_input', `Дата ${d} ще не настала`);
    }
    if (action === 'answer' && typeof payload.outgoingIndex === 'string' && payload.outgoingIndex)
      assertOutgoingFree(db, payload.outgoingIndex, Number((payload.date as string).slice(0, 4)), { requestId: record.id, kind: 'answer' });
    if (action === 'cost_notice') {
      // The sum is fixed when the notice is given, at the rates and subsistence minimum in force that day.
      const p = payload as { pages: number; format: 'A4' | 'A3'; restricted: boolean };
      payload.amount = computeCost({ ...p, on: today }, getSettings(db).fees).amount;
    }
    const final = action === 'correct' ? correctionPayload(record, events, payload as { changes: Record<string, unknown>; reason: string }) : payload;
    const event = newEvent(db, record.id, EVENT_OF[action], final as EventPayloads[EventType]) as RequestEvent;
    insertEvent(db, event);
    return refreshProjection(db, record.id, ctx);
  });
  const folded = run.immediate();
  // A correction rewrites the registration columns: read those back as every other reader sees them.
  if (folded.events.some((e) => e.type === 'corrected')) return getRequest(db, { index: folded.record.id });
  // Otherwise the view comes from the fold just written, not read back: the row, state and events are these.
  return foldedView(db, folded.record, folded.state, folded.events);
}

/**
 * The answer's own date and, when known, time. Given a time, it must lie between receipt and now; given
 * nothing, the answer is taken as sent at this moment (the clerk records it as it goes out).
 */
function answerMoment(given: string | undefined, now: Date, receivedAt: string): { date: string; at?: string } {
  if (given === undefined) return { date: kyivDate(now), at: kyivIso(now) };
  if (!given.includes('T')) return { date: given };
  const at = parseInstant(given) as Date;
  const received = parseInstant(receivedAt) as Date;
  if (at.getTime() > now.getTime()) throw new AppError('invalid_input', `Час відповіді ${given} ще не настав`);
  if (at.getTime() < received.getTime()) throw new AppError('invalid_input', `Час відповіді ${given} раніший за час надходження запиту`);
  return { date: kyivDate(at), at: kyivIso(at) };
}
