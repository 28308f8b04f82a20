import { describe, expect, it } from 'vitest';
import { defaultCalendarSettings } from '../../src/shared/calendar';
import type { EventPayloads, EventType, RequestEvent } from '../../src/shared/domain';
import { deriveState, isLate } from '../../src/shared/requestState';

const cal = defaultCalendarSettings();
let seq = 0;
/** An event recorded at `at` (the moment the clerk typed it), ordered by the order of the calls. */
function ev<T extends EventType>(type: T, payload: EventPayloads[T], at: string): RequestEvent {
  seq += 1;
  return { id: `e${seq}`, requestId: 'r', type, payload, at, desk: 'd', user: 'u', hlc: String(seq).padStart(8, '0') } as RequestEvent;
}
const state = (receivedAt: string, urgent: boolean, events: RequestEvent[]) => deriveState({ receivedAt, urgent }, events, cal);

// З-3 from the issue: urgent, received Wednesday 4 November 2026 at 16:40 → due Friday 6 November 16:40.
const URGENT_RECEIVED = '2026-11-04T16:40:00+02:00';
// A normal request received Monday 2 November 2026 → due Monday 9 November (5 working days).
const NORMAL_RECEIVED = '2026-11-02T10:00:00+02:00';
const RECORDED_LATER = '2026-11-23T09:15:00+02:00';

describe('isLate on the answer’s own date and time', () => {
  const urgentDue = { dueDate: '2026-11-06', dueAt: '2026-11-06T16:40:00+02:00' };
  it('the urgent term is met to the minute when the answer carries a time', () => {
    expect(isLate(urgentDue, { date: '2026-11-06', at: '2026-11-06T16:39:00+02:00' })).toBe(false);
    expect(isLate(urgentDue, { date: '2026-11-06', at: '2026-11-06T16:40:00+02:00' })).toBe(false);
    expect(isLate(urgentDue, { date: '2026-11-06', at: '2026-11-06T16:41:00+02:00' })).toBe(true);
    // The same instant written in UTC.
    expect(isLate(urgentDue, { date: '2026-11-06', at: '2026-11-06T14:41:00Z' })).toBe(true);
  });
  it('an urgent answer with only a date is in time on the due day and late the day after', () => {
    expect(isLate(urgentDue, { date: '2026-11-06' })).toBe(false);
    expect(isLate(urgentDue, { date: '2026-11-07' })).toBe(true);
  });
  it('a day term is met by an answer dated on the due day, whatever its time', () => {
    const due = { dueDate: '2026-11-09' };
    expect(isLate(due, { date: '2026-11-09', at: '2026-11-09T23:59:00+02:00' })).toBe(false);
    expect(isLate(due, { date: '2026-11-10' })).toBe(true);
    expect(isLate(null, { date: '2030-01-01' })).toBe(false);
  });
});

describe('deriveState judges every kind of term on the answer, not on when it was recorded', () => {
  it('urgent: answered 05.11, recorded on 23.11 — in time (the З-3 case)', () => {
    const s = state(URGENT_RECEIVED, true, [ev('registered', {} as never, URGENT_RECEIVED), ev('answered', { date: '2026-11-05' }, RECORDED_LATER)]);
    expect(s.finalDue).toEqual({ dueDate: '2026-11-06', dueAt: '2026-11-06T16:40:00+02:00' });
    expect(s.closedOn).toBe('2026-11-05');
    expect(s.answeredLate).toBe(false);
  });
  it('urgent: sent at 16:39 on the last day is in time, at 16:41 late', () => {
    const at = (t: string) => state(URGENT_RECEIVED, true, [ev('answered', { date: '2026-11-06', at: `2026-11-06T${t}:00+02:00` }, RECORDED_LATER)]);
    expect(at('16:39').answeredLate).toBe(false);
    expect(at('16:41').answeredLate).toBe(true);
  });
  it('urgent: a refusal recorded after dueAt is late (its own moment is the recording)', () => {
    const s = state(URGENT_RECEIVED, true, [ev('refused', { ground: 1, explanation: 'x' }, '2026-11-06T16:41:00+02:00')]);
    expect(s.answeredLate).toBe(true);
    expect(state(URGENT_RECEIVED, true, [ev('refused', { ground: 1, explanation: 'x' }, '2026-11-06T16:39:00+02:00')]).answeredLate).toBe(false);
  });
  it('normal: answered on the due day and recorded three days later — in time; the day after — late', () => {
    const on = (date: string) => state(NORMAL_RECEIVED, false, [ev('answered', { date }, '2026-11-12T10:00:00+02:00')]);
    expect(on('2026-11-09').finalDue).toEqual({ dueDate: '2026-11-09' });
    expect(on('2026-11-09').answeredLate).toBe(false);
    expect(on('2026-11-10').answeredLate).toBe(true);
  });
  it('extended: the 20th working day (30.11) is in time, 01.12 late', () => {
    const on = (date: string) =>
      state(NORMAL_RECEIVED, false, [ev('extended', { reason: 'r' }, '2026-11-04T10:00:00+02:00'), ev('answered', { date }, '2026-12-03T10:00:00+02:00')]);
    expect(on('2026-11-30').finalDue).toEqual({ dueDate: '2026-11-30' });
    expect(on('2026-11-30').answeredLate).toBe(false);
    expect(on('2026-12-01').answeredLate).toBe(true);
  });
  it('after payment: 3 working days from the payment (paid Thu 05.11 → due Tue 10.11)', () => {
    const on = (date: string) =>
      state(NORMAL_RECEIVED, false, [
        ev('cost_notice', { pages: 20, format: 'A4', restricted: false, amount: 13.31 }, '2026-11-03T10:00:00+02:00'),
        ev('payment_received', { date: '2026-11-05' }, '2026-11-05T12:00:00+02:00'),
        ev('answered', { date }, '2026-11-20T10:00:00+02:00'),
      ]);
    expect(on('2026-11-10').finalDue).toEqual({ dueDate: '2026-11-10' });
    expect(on('2026-11-10').answeredLate).toBe(false);
    expect(on('2026-11-11').answeredLate).toBe(true);
  });
});
