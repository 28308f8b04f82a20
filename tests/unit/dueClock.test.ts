/** The list's due state (one calendar walk per query) must equal `dueStatus` (one walk per row) everywhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendarSettings, kyivIso, type CalendarSettings } from '../../src/shared/calendar';
import { dueStatus } from '../../src/shared/deadlines';
import { dueClock, dueStateAt } from '../../src/shared/dueClock';

const auto = defaultCalendarSettings();
const calendars = fc.constantFrom<CalendarSettings>(auto, { ...auto, mode: 'peacetime' }, { ...auto, mode: 'martial' });
// Any moment from 2022 to 2027, and a term from 30 days before to 30 days after it.
const moment = fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms));

describe('dueStateAt', () => {
  it('agrees with dueStatus for day terms', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: -30, max: 30 }), calendars, (now, shift, cal) => {
        const clock = dueClock(now, cal);
        const dueDate = addDays(clock.today, shift);
        expect(dueStateAt(clock, dueDate, null)).toBe(dueStatus({ dueDate }, now, cal).state);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with dueStatus for hour terms, to the minute', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: -72 * 60, max: 72 * 60 }), calendars, (now, minutes, cal) => {
        const clock = dueClock(now, cal);
        const dueAt = kyivIso(new Date(now.getTime() + minutes * 60_000));
        const dueDate = dueAt.slice(0, 10);
        expect(dueStateAt(clock, dueDate, dueAt)).toBe(dueStatus({ dueDate, dueAt }, now, cal).state);
      }),
      { numRuns: 3000 },
    );
  });

  it('a term due at this very instant is not yet overdue', () => {
    const now = new Date('2026-11-23T10:00:00+02:00');
    expect(dueStateAt(dueClock(now, auto), '2026-11-23', '2026-11-23T10:00:00+02:00')).toBe('today');
    expect(dueStateAt(dueClock(now, auto), null, null)).toBeNull();
  });
});
