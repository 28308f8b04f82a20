/**
 * A request's state is a pure fold over its events, ordered by hybrid logical clock, so that
 * every desk that holds the same events — received in any order — derives the same state.
 */
import type { CalendarSettings, IsoDate } from './calendar/types';
import { kyivDate, parseInstant } from './calendar';
import {
  afterPaymentDeadline,
  answerDeadline,
  costNoticeDeadline,
  DEFAULT_RULES,
  extensionNoticeDeadline,
  redirectDeadline,
  type DeadlineRules,
} from './deadlines';
import { correctionText } from './correctionText';
import type { TermWarning } from './termGuards';
import type { Deadline, EventPayloads, Registration, RequestEvent, RequestState } from './domain';
import { setAside } from './sync/conflicts';

/**
 * The version of what `deriveState` derives. Bump it whenever the fold changes its result for the
 * same events (a new field, a corrected rule): registers opened afterwards re-derive every stored
 * state once, so the projection again equals the fold (`verify`) and old requests get the new rule.
 * 2: lateness on the answer's own date and time; late notices, confirmed warnings, outgoing numbers.
 * 3: the executor's own phone.
 */
export const FOLD_VERSION = 3;

function initialState(): RequestState {
  return {
    status: 'registered',
    executor: null,
    unit: null,
    executorPhone: null,
    extended: false,
    extensionReason: null,
    extensionLate: false,
    costNoticeLate: false,
    outgoing: [],
    warnings: [],
    cost: null,
    paymentDate: null,
    answer: null,
    refusal: null,
    redirect: null,
    notConsidered: null,
    voidReason: null,
    notes: [],
    due: null,
    finalDue: null,
    closedOn: null,
    answeredLate: false,
    noticeDeadlines: [],
  };
}

const dayOf = (e: RequestEvent) => kyivDate(e.at);

/** When an answer was given, by its own date (and time, when one is known), never by when it was typed in. */
export interface AnswerMoment {
  /** Null when an imported journal says the request was answered but not when. */
  date: IsoDate | null;
  /** The instant the answer was sent or handed over, when the clerk gave one. */
  at?: string;
}

/**
 * Whether an answer missed its term. A day term is met by an answer dated on the due day. The 48-hour
 * term is measured to the minute when the answer carries a time; an answer with only a date is in time
 * on the due day (domain.md, «Lateness»), as a court reads a dated letter.
 */
export function isLate(due: Deadline | null, answer: AnswerMoment): boolean {
  // An answer of unknown date is not called late: the register does not know, and says so instead.
  if (due === null || answer.date === null) return false;
  if (due.dueAt !== undefined && answer.at !== undefined) {
    const at = parseInstant(answer.at);
    const dueAt = parseInstant(due.dueAt);
    if (at !== null && dueAt !== null) return at.getTime() > dueAt.getTime();
  }
  return answer.date > due.dueDate;
}

/**
 * A refusal, redirect or «без розгляду» letter is dated by the moment it was recorded, unless an
 * imported journal gave the result without its date (`date: null`): closed, on a day not known.
 */
function letterMoment(e: RequestEvent): AnswerMoment {
  return (e.payload as { date?: null }).date === null ? { date: null } : { date: dayOf(e), at: e.at };
}

export function deriveState(
  reg: Pick<Registration, 'receivedAt' | 'urgent'>,
  events: readonly RequestEvent[],
  cal: CalendarSettings,
  rules: DeadlineRules = DEFAULT_RULES,
): RequestState {
  const s = initialState();
  const base = () => answerDeadline({ receivedAt: reg.receivedAt, urgent: reg.urgent, extended: s.extended }, cal, rules);
  s.due = base();
  const close = (status: RequestState['status'], e: RequestEvent, when: AnswerMoment = letterMoment(e)) => {
    if (s.status === 'void') return;
    s.status = status;
    s.finalDue = s.due;
    s.closedOn = when.date;
    s.answeredLate = isLate(s.due, when);
    s.due = null;
  };
  // A final action a person set aside after a conflict stays in the history but decides nothing.
  const aside = setAside(events);
  // In the order given: the fold's order is the register's (the server's order, then this desk's
  // unsent events by HLC — see loadEvents), which no event alone can tell.
  for (const e of events) {
    if (aside.has(e.id)) continue;
    s.warnings.push(...((e.payload as { warnings?: TermWarning[] }).warnings ?? []));
    const out = (e.payload as { outgoingIndex?: string }).outgoingIndex;
    if ((e.type === 'answered' || e.type === 'document_issued') && out && !s.outgoing.includes(out)) s.outgoing.push(out);
    switch (e.type) {
      case 'registered':
        break;
      case 'assigned': {
        const p = e.payload as EventPayloads['assigned'];
        s.executor = p.executor;
        s.unit = p.unit ?? null;
        // A new executor without a phone must not keep the previous one's.
        s.executorPhone = p.phone || null;
        if (s.status === 'registered') s.status = 'in_progress';
        break;
      }
      case 'extended': {
        const p = e.payload as EventPayloads['extended'];
        s.extended = true;
        s.extensionReason = p.reason;
        s.extensionLate = dayOf(e) > extensionNoticeDeadline(reg.receivedAt, cal, rules);
        if (s.status !== 'awaiting_payment' && s.due) {
          s.status = 'extended';
          s.due = base();
        }
        break;
      }
      case 'cost_notice':
        s.cost = e.payload as EventPayloads['cost_notice'];
        s.costNoticeLate = dayOf(e) > costNoticeDeadline(reg.receivedAt, cal, rules);
        if (s.due) {
          s.status = 'awaiting_payment';
          // The answer term stops: the holder now waits for the requester to pay.
          s.due = null;
        }
        break;
      case 'payment_received': {
        const p = e.payload as EventPayloads['payment_received'];
        s.paymentDate = p.date;
        if (s.status === 'awaiting_payment') {
          s.status = s.extended ? 'extended' : s.executor ? 'in_progress' : 'registered';
          s.due = { dueDate: afterPaymentDeadline(p.date, cal, rules) };
        }
        break;
      }
      case 'answered': {
        const p = e.payload as EventPayloads['answered'];
        s.answer = p;
        close('answered', e, { date: p.date, ...(p.at !== undefined ? { at: p.at } : {}) });
        break;
      }
      case 'refused':
        s.refusal = e.payload as EventPayloads['refused'];
        close('refused', e);
        break;
      case 'redirected':
        s.redirect = e.payload as EventPayloads['redirected'];
        close('redirected', e);
        // Redirecting is measured against its own 5-day convention, not the answer term; a redirect
        // of unknown date (an imported journal) is not called late, as an undated answer is not.
        s.answeredLate = s.redirect.date !== null && dayOf(e) > redirectDeadline(reg.receivedAt, cal, rules);
        break;
      case 'not_considered':
        s.notConsidered = (e.payload as EventPayloads['not_considered']).missing;
        close('not_considered', e);
        s.answeredLate = false;
        break;
      case 'voided':
        s.voidReason = (e.payload as EventPayloads['voided']).reason;
        s.status = 'void';
        s.due = null;
        s.closedOn ??= dayOf(e);
        s.answeredLate = false;
        break;
      case 'note':
        s.notes.push((e.payload as EventPayloads['note']).text);
        break;
      case 'corrected':
        // The new values already stand in the record (the projection folds corrections in); the
        // note keeps the old ones and the reason where the paper journal would have them.
        s.notes.push(correctionText(e.payload as EventPayloads['corrected']));
        break;
      case 'document_issued':
      case 'conflict_resolved':
      case 'attached':
      case 'attachment_removed':
        break;
    }
  }
  s.noticeDeadlines = [];
  const open = s.due !== null || s.status === 'awaiting_payment';
  if (open && !s.extended && !s.cost && !reg.urgent) {
    // Until the term is extended or costs are announced, the clerk may still need to send those notices.
    s.noticeDeadlines.push({ kind: 'extension_notice', dueDate: extensionNoticeDeadline(reg.receivedAt, cal, rules) });
  }
  if (open && !s.cost && !reg.urgent) s.noticeDeadlines.push({ kind: 'cost_notice', dueDate: costNoticeDeadline(reg.receivedAt, cal, rules) });
  return s;
}
