import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCalendarSettings, kyivIso, parseInstant, type CalendarSettings } from '../../src/shared/calendar';
import {
  afterPaymentDeadline,
  answerDeadline,
  costNoticeDeadline,
  countingStart,
  DEFAULT_RULES,
  dueStatus,
  extensionNoticeDeadline,
  redirectDeadline,
} from '../../src/shared/deadlines';

const auto = defaultCalendarSettings();
const martial: CalendarSettings = { ...auto, mode: 'martial' };
const peacetime: CalendarSettings = { ...auto, mode: 'peacetime' };
const normal = (receivedAt: string, cal: CalendarSettings = auto) => answerDeadline({ receivedAt, urgent: false, extended: false }, cal);
const urgent = (receivedAt: string, cal: CalendarSettings = auto) => answerDeadline({ receivedAt, urgent: true, extended: false }, cal);

describe('the normal 5-working-day term', () => {
  it('the contract example: Tuesday 13 January 2026 → Tuesday 20 January', () => {
    expect(normal('2026-01-13T10:00:00+02:00', martial)).toEqual({ dueDate: '2026-01-20' });
  });

  it('a request received on Friday counts from Monday', () => {
    expect(normal('2026-01-16T16:45:00+02:00')).toEqual({ dueDate: '2026-01-23' });
  });

  it('a request received on Saturday or Sunday is registered on Monday and counted from Tuesday', () => {
    expect(countingStart('2026-01-17T11:00:00+02:00', auto)).toBe('2026-01-19');
    expect(normal('2026-01-17T11:00:00+02:00')).toEqual({ dueDate: '2026-01-26' });
    expect(normal('2026-01-18T23:59:59+02:00')).toEqual({ dueDate: '2026-01-26' });
  });

  it('the Kyiv date of receipt decides, not the UTC one', () => {
    // 23:30 on Sunday in UTC is already Monday in Kyiv.
    expect(countingStart('2026-01-18T22:30:00Z', auto)).toBe('2026-01-19');
    // 23:30 on Friday in Kyiv is still Friday.
    expect(countingStart('2026-01-16T23:30:00+02:00', auto)).toBe('2026-01-16');
  });

  it('martial law: the Monday after 8 March 2026 is an ordinary day', () => {
    expect(normal('2026-03-06T09:00:00+02:00', auto)).toEqual({ dueDate: '2026-03-13' });
    expect(normal('2026-03-06T09:00:00+02:00', peacetime)).toEqual({ dueDate: '2026-03-16' });
  });

  it('peacetime 2019: 8 March on a Friday', () => {
    expect(normal('2019-03-07T10:00:00+02:00', peacetime)).toEqual({ dueDate: '2019-03-15' });
    expect(normal('2019-03-07T10:00:00+02:00', martial)).toEqual({ dueDate: '2019-03-14' });
  });

  it('peacetime 2019: received on a holiday, counted from the next working day', () => {
    // 8 March (Friday) is a holiday: registered Monday 11 March.
    expect(normal('2019-03-08T10:00:00+02:00', peacetime)).toEqual({ dueDate: '2019-03-18' });
  });

  it('peacetime 2019: Independence Day on Saturday moves the day off to Monday 26 August', () => {
    expect(normal('2019-08-23T10:00:00+03:00', peacetime)).toEqual({ dueDate: '2019-09-02' });
  });

  it('peacetime 2019: Christmas on Monday 7 January', () => {
    expect(normal('2019-01-04T10:00:00+02:00', peacetime)).toEqual({ dueDate: '2019-01-14' });
  });

  it('peacetime 2021: the May holidays', () => {
    // 1 May (Sat) → 3 May off, Easter 2 May (Sun) → 4 May off, 9 May (Sun) → 10 May off.
    expect(normal('2021-04-30T10:00:00+03:00', peacetime)).toEqual({ dueDate: '2021-05-12' });
  });

  it('peacetime 2026 with a government bridging day and working Saturday', () => {
    const cal: CalendarSettings = {
      ...peacetime,
      overrides: [
        { date: '2026-12-24', working: false, note: 'перенесення' },
        { date: '2026-12-19', working: true, note: 'перенесення' },
      ],
    };
    // 25 December 2026 is a Friday holiday; 24 December given off.
    expect(normal('2026-12-21T10:00:00+02:00', cal)).toEqual({ dueDate: '2026-12-30' });
    // The working Saturday counts.
    expect(normal('2026-12-18T10:00:00+02:00', cal)).toEqual({ dueDate: '2026-12-28' });
    // Under martial law the same overrides do nothing.
    expect(normal('2026-12-18T10:00:00+02:00', { ...cal, mode: 'martial' })).toEqual({ dueDate: '2026-12-25' });
  });

  it('after martial law ends the peacetime rules apply to the later days', () => {
    const cal: CalendarSettings = { ...auto, martialLawTo: '2026-07-31' };
    // 24 August 2026 is a Monday holiday in peacetime.
    expect(normal('2026-08-21T10:00:00+03:00', cal)).toEqual({ dueDate: '2026-08-31' });
    expect(normal('2026-08-21T10:00:00+03:00', auto)).toEqual({ dueDate: '2026-08-28' });
  });
});

describe('the urgent 48-hour term', () => {
  it('the contract example', () => {
    expect(urgent('2026-01-13T10:00:00+02:00', martial)).toEqual({ dueDate: '2026-01-15', dueAt: '2026-01-15T10:00:00+02:00' });
  });

  it('counts real hours across the spring DST change', () => {
    expect(urgent('2026-03-28T12:00:00+02:00')).toEqual({ dueDate: '2026-03-30', dueAt: '2026-03-30T13:00:00+03:00' });
  });

  it('counts real hours across the autumn DST change', () => {
    expect(urgent('2026-10-24T12:00:00+03:00')).toEqual({ dueDate: '2026-10-26', dueAt: '2026-10-26T11:00:00+02:00' });
  });

  it('runs through weekends and holidays', () => {
    expect(urgent('2026-01-16T15:30:00+02:00')).toEqual({ dueDate: '2026-01-18', dueAt: '2026-01-18T15:30:00+02:00' });
    expect(urgent('2019-08-23T09:00:00+03:00', peacetime)).toEqual({ dueDate: '2019-08-25', dueAt: '2019-08-25T09:00:00+03:00' });
  });

  it('is written in Kyiv time whatever offset the receipt came with', () => {
    expect(urgent('2026-01-13T08:00:00Z')).toEqual({ dueDate: '2026-01-15', dueAt: '2026-01-15T10:00:00+02:00' });
    expect(urgent('2026-01-13T23:00:00Z').dueDate).toBe('2026-01-16');
  });

  it('property: dueAt − receivedAt is exactly the configured hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2035, 0, 1) }), (ms) => {
        const receivedAt = kyivIso(new Date(ms));
        const { dueAt, dueDate } = urgent(receivedAt);
        expect(dueAt).toBeDefined();
        expect(parseInstant(dueAt!)!.getTime() - parseInstant(receivedAt)!.getTime()).toBe(48 * 3_600_000);
        expect(dueDate).toBe(dueAt!.slice(0, 10));
      }),
    );
  });

  it('an extended urgent request follows the 20-working-day term, without dueAt', () => {
    expect(answerDeadline({ receivedAt: '2026-01-13T10:00:00+02:00', urgent: true, extended: true }, auto)).toEqual({ dueDate: '2026-02-10' });
  });
});

describe('other terms', () => {
  it('extension to 20 working days from receipt', () => {
    expect(answerDeadline({ receivedAt: '2026-01-13T10:00:00+02:00', urgent: false, extended: true }, auto)).toEqual({ dueDate: '2026-02-10' });
    // Received on Saturday: counted from Monday 19 January.
    expect(answerDeadline({ receivedAt: '2026-01-17T10:00:00+02:00', urgent: false, extended: true }, auto)).toEqual({ dueDate: '2026-02-16' });
  });

  it('notices and redirect within 5 working days of receipt', () => {
    expect(extensionNoticeDeadline('2026-01-13T10:00:00+02:00', auto)).toBe('2026-01-20');
    expect(costNoticeDeadline('2026-01-17T10:00:00+02:00', auto)).toBe('2026-01-26');
    expect(redirectDeadline('2026-03-06T10:00:00+02:00', peacetime)).toBe('2026-03-16');
  });

  it('after payment: 3 working days after the day of confirmation', () => {
    expect(afterPaymentDeadline('2026-01-13', auto)).toBe('2026-01-16');
    expect(afterPaymentDeadline('2026-01-16', auto)).toBe('2026-01-21');
    expect(afterPaymentDeadline('2026-03-06', peacetime)).toBe('2026-03-12');
  });

  it('every number is a setting', () => {
    const rules = { ...DEFAULT_RULES, normalDays: 10, urgentHours: 24, noticeDays: 3, redirectDays: 2, afterPaymentDays: 1 };
    const receivedAt = '2026-01-13T10:00:00+02:00';
    expect(answerDeadline({ receivedAt, urgent: false, extended: false }, auto, rules)).toEqual({ dueDate: '2026-01-27' });
    expect(answerDeadline({ receivedAt, urgent: true, extended: false }, auto, rules).dueAt).toBe('2026-01-14T10:00:00+02:00');
    expect(extensionNoticeDeadline(receivedAt, auto, rules)).toBe('2026-01-16');
    expect(redirectDeadline(receivedAt, auto, rules)).toBe('2026-01-15');
    expect(afterPaymentDeadline('2026-01-16', auto, rules)).toBe('2026-01-19');
  });

  it('rejects a receipt time that does not exist', () => {
    expect(() => normal('2026-02-30T10:00:00+02:00')).toThrow(RangeError);
    expect(() => countingStart('not a date', auto)).toThrow(RangeError);
  });
});

describe('dueStatus', () => {
  const due = { dueDate: '2026-01-20' };
  const at = (s: string) => new Date(s);

  it('ok more than 2 working days ahead, soon within 2', () => {
    expect(dueStatus(due, at('2026-01-15T12:00:00+02:00'), auto)).toEqual({ state: 'ok', workingDaysLeft: 3 });
    // Friday: Monday and Tuesday left.
    expect(dueStatus(due, at('2026-01-16T12:00:00+02:00'), auto)).toEqual({ state: 'soon', workingDaysLeft: 2 });
    expect(dueStatus(due, at('2026-01-18T12:00:00+02:00'), auto)).toEqual({ state: 'soon', workingDaysLeft: 2 });
    expect(dueStatus(due, at('2026-01-19T12:00:00+02:00'), auto)).toEqual({ state: 'soon', workingDaysLeft: 1 });
  });

  it('today through the last second of the Kyiv day', () => {
    expect(dueStatus(due, at('2026-01-20T00:00:00+02:00'), auto)).toEqual({ state: 'today', workingDaysLeft: 0 });
    expect(dueStatus(due, at('2026-01-20T23:59:59+02:00'), auto)).toEqual({ state: 'today', workingDaysLeft: 0 });
  });

  it('overdue from the first moment of the next Kyiv day, even while the UTC date is still the due date', () => {
    expect(dueStatus(due, at('2026-01-20T22:30:00Z'), auto)).toEqual({ state: 'overdue', workingDaysLeft: -1 });
    expect(dueStatus(due, at('2026-01-26T09:00:00+02:00'), auto)).toEqual({ state: 'overdue', workingDaysLeft: -4 });
  });

  it('urgent: overdue the moment dueAt passes', () => {
    const u = { dueDate: '2026-01-15', dueAt: '2026-01-15T10:00:00+02:00' };
    expect(dueStatus(u, at('2026-01-14T10:00:00+02:00'), auto)).toEqual({ state: 'soon', workingDaysLeft: 1 });
    expect(dueStatus(u, at('2026-01-15T00:00:01+02:00'), auto)).toEqual({ state: 'today', workingDaysLeft: 0 });
    expect(dueStatus(u, at('2026-01-15T10:00:00+02:00'), auto)).toEqual({ state: 'today', workingDaysLeft: 0 });
    expect(dueStatus(u, at('2026-01-15T10:00:01+02:00'), auto)).toEqual({ state: 'overdue', workingDaysLeft: 0 });
  });

  it('urgent due on a Sunday is soon on the Friday before', () => {
    const u = urgent('2026-01-16T15:30:00+02:00');
    expect(dueStatus(u, at('2026-01-16T16:00:00+02:00'), auto)).toEqual({ state: 'soon', workingDaysLeft: 0 });
    expect(dueStatus(u, at('2026-01-18T15:30:01+02:00'), auto).state).toBe('overdue');
  });
});
