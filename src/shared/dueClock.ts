/**
 * `dueStatus` for lists: the same four states, decided by comparing a stored due date with three
 * dates fixed once per query, so a page of rows (or an SQL WHERE) needs no calendar walk per row.
 * `dueStatus` counts working days from today to the due date, which for a term years overdue
 * walks years of calendar; here the calendar is consulted once.
 */
import { addWorkingDays, kyivDate, parseInstant, type CalendarSettings, type IsoDate } from './calendar';
import type { DueState } from './deadlines';

export interface DueClock {
  /** The Kyiv date now. */
  today: IsoDate;
  /** Now, as ms since the epoch: an hour term (`dueAt`) is overdue once it has passed. */
  nowMs: number;
  /** The last day the «Сьогодні» panel lists as due soon: two working days ahead. */
  horizon: IsoDate;
  /**
   * The third working day ahead: a due date before it has at most two working days left
   * (`workingDaysBetween(today, due) <= 2`), which `dueStatus` calls `soon`.
   */
  soonBefore: IsoDate;
}

export function dueClock(now: Date, cal: CalendarSettings): DueClock {
  const today = kyivDate(now);
  return { today, nowMs: now.getTime(), horizon: addWorkingDays(today, 2, cal), soonBefore: addWorkingDays(today, 3, cal) };
}

/** Equals `dueStatus({ dueDate, dueAt }, now, cal).state` (checked against it in tests/unit/dueClock.test.ts). */
export function dueStateAt(clock: DueClock, dueDate: IsoDate | null, dueAt: string | null | undefined): DueState | null {
  if (dueDate === null) return null;
  if (dueDate < clock.today) return 'overdue';
  if (dueAt) {
    const at = parseInstant(dueAt);
    if (at !== null && clock.nowMs > at.getTime()) return 'overdue';
  }
  if (dueDate === clock.today) return 'today';
  return dueDate < clock.soonBefore ? 'soon' : 'ok';
}
