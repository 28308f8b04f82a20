/**
 * The terms of the Law «Про доступ до публічної інформації» (arts. 20–22) on the Kyiv working-day
 * calendar. The counting conventions are ours (see the domain notes) and every number is a setting.
 */
import {
  addWorkingDays,
  kyivDate,
  kyivIso,
  parseInstant,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarSettings,
  type IsoDate,
} from './calendar';
import { parseIsoDate } from './calendar/isoDate';

export interface DeadlineRules {
  /** Art. 20 part 1. */
  normalDays: number;
  /** Art. 20 part 4: the term may be extended to 20 working days from receipt. */
  extendedDays: number;
  /** Art. 20 part 2: urgent requests, real hours from the moment of receipt. */
  urgentHours: number;
  /** Art. 20 part 4 (extension notice) and art. 21 (cost notice). */
  noticeDays: number;
  /** Art. 22 part 3 names no term; the general 5 working days is our convention. */
  redirectDays: number;
  /** Art. 21: the information is given within 3 working days after payment is confirmed. */
  afterPaymentDays: number;
}

export const DEFAULT_RULES: DeadlineRules = {
  normalDays: 5,
  extendedDays: 20,
  urgentHours: 48,
  noticeDays: 5,
  redirectDays: 5,
  afterPaymentDays: 3,
};

export interface DueTerm {
  dueDate: IsoDate;
  /** Only for the hour-based urgent term: the exact instant, ISO 8601 with the Kyiv offset. */
  dueAt?: string;
}

function receivedInstant(receivedAt: string): Date {
  const t = parseInstant(receivedAt);
  if (t === null) throw new RangeError(`Not a valid ISO 8601 instant: ${String(receivedAt)}`);
  return t;
}

/**
 * The day the counting runs from: the Kyiv date of receipt, or — if that was not a working day —
 * the next working day, because the request is registered only then. Working day 1 of any term
 * is the first working day after this one.
 */
export function countingStart(receivedAt: string, cal: CalendarSettings): IsoDate {
  return workingDayOnOrAfter(kyivDate(receivedInstant(receivedAt)), cal);
}

/**
 * A request whose time of receipt is unknown (an imported journal gave only the date) carries the
 * start of that Kyiv day as `receivedAt`. That is the safe rule: day terms do not depend on the hour,
 * and the 48-hour term counted from 00:00 ends no later than it would from any real time that day —
 * the register may call an answer late too early, never in time when the law says late.
 */
export function answerDeadline(
  input: { receivedAt: string; urgent: boolean; extended: boolean },
  cal: CalendarSettings,
  rules: DeadlineRules = DEFAULT_RULES,
): DueTerm {
  const received = receivedInstant(input.receivedAt);
  if (input.extended) return { dueDate: addWorkingDays(countingStart(input.receivedAt, cal), rules.extendedDays, cal) };
  if (input.urgent) {
    // Elapsed time, not wall-clock days: across a DST change 48 hours end an hour off the clock time.
    const dueAt = kyivIso(new Date(received.getTime() + rules.urgentHours * 3_600_000));
    return { dueDate: kyivDate(dueAt), dueAt };
  }
  return { dueDate: addWorkingDays(countingStart(input.receivedAt, cal), rules.normalDays, cal) };
}

/** The last day to tell the requester in writing that the term is extended (art. 20 part 4). */
export function extensionNoticeDeadline(receivedAt: string, cal: CalendarSettings, rules: DeadlineRules = DEFAULT_RULES): IsoDate {
  return addWorkingDays(countingStart(receivedAt, cal), rules.noticeDays, cal);
}

/** The last day to tell the requester the actual costs of copies (art. 21). */
export function costNoticeDeadline(receivedAt: string, cal: CalendarSettings, rules: DeadlineRules = DEFAULT_RULES): IsoDate {
  return addWorkingDays(countingStart(receivedAt, cal), rules.noticeDays, cal);
}

/** The last day to send the request on to the holder of the information (art. 22 part 3). */
export function redirectDeadline(receivedAt: string, cal: CalendarSettings, rules: DeadlineRules = DEFAULT_RULES): IsoDate {
  return addWorkingDays(countingStart(receivedAt, cal), rules.redirectDays, cal);
}

/** Counted from the day payment was confirmed: that day is the event, so it never counts itself. */
export function afterPaymentDeadline(paymentDate: IsoDate, cal: CalendarSettings, rules: DeadlineRules = DEFAULT_RULES): IsoDate {
  return addWorkingDays(paymentDate, rules.afterPaymentDays, cal);
}

export type DueState = 'ok' | 'soon' | 'today' | 'overdue';

/** How many working days ahead a deadline starts to be shown as near. */
const SOON_WORKING_DAYS = 2;

/**
 * - `overdue`: a day term once its Kyiv day has ended; an urgent term once `dueAt` has passed;
 * - `today`: not overdue and due on today's Kyiv date;
 * - `soon`: due within the next 2 working days (or on a day off before the next working day);
 * - `ok`: later.
 * `workingDaysLeft` is `workingDaysBetween(today, dueDate)`, negative when overdue.
 */
export function dueStatus(
  due: DueTerm,
  now: Date,
  cal: CalendarSettings,
): { state: DueState; workingDaysLeft: number } {
  parseIsoDate(due.dueDate);
  const today = kyivDate(now);
  const workingDaysLeft = workingDaysBetween(today, due.dueDate, cal);
  let overdue: boolean;
  if (due.dueAt !== undefined) {
    const at = parseInstant(due.dueAt);
    if (at === null) throw new RangeError(`Not a valid ISO 8601 instant: ${due.dueAt}`);
    overdue = now.getTime() > at.getTime();
  } else {
    overdue = today > due.dueDate;
  }
  if (overdue) return { state: 'overdue', workingDaysLeft };
  if (due.dueDate <= today) return { state: 'today', workingDaysLeft };
  return { state: workingDaysLeft <= SOON_WORKING_DAYS ? 'soon' : 'ok', workingDaysLeft };
}
