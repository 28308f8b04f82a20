import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { getRequest, listRequests } from '../../src/main/services/queries';
import { updateSettings } from '../../src/main/services/settings';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
});
afterEach(() => t.close());

const errorOf = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('registration', () => {
  it('numbers requests sequentially within the year and computes the 5-working-day term', () => {
    const a = registerRequest(t.db, sampleRequest());
    t.setNow('2026-11-27T16:05:00+02:00');
    const b = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-27T16:00:00+02:00' }));
    expect(a.index).toBe('З-1');
    expect(b.index).toBe('З-2');
    // Monday 23 Nov → Tue 24 … Mon 30 Nov is the 5th working day.
    expect(a.dueDate).toBe('2026-11-30');
    // Friday 27 Nov → Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 Dec.
    expect(b.dueDate).toBe('2026-12-04');
    expect(a.status).toBe('registered');
    expect(a.complete).toBe(true);
    expect(a.missing).toEqual([]);
  });

  it('restarts numbering in a new calendar year and keeps the old year intact', () => {
    registerRequest(t.db, sampleRequest({ receivedAt: '2025-12-31T12:00:00+02:00' }));
    registerRequest(t.db, sampleRequest({ receivedAt: '2025-12-31T13:00:00+02:00' }));
    const jan = registerRequest(t.db, sampleRequest({ receivedAt: '2026-01-02T09:00:00+02:00' }));
    expect(jan.index).toBe('З-1');
    expect(getRequest(t.db, { index: 'З-2', year: 2025 }).year).toBe(2025);
  });

  it('formats the index from the template with its parts', () => {
    updateSettings(t.db, { index: { template: '{n}/{case}-{yy}', caseIndex: '01-15' } });
    expect(registerRequest(t.db, sampleRequest()).index).toBe('1/01-15-26');
    expect(() => updateSettings(t.db, { index: { template: 'ЗАП-{x}' } })).toThrow(/шаблон/i);
  });

  it('gives an urgent request 48 real hours and states the moment', () => {
    const r = registerRequest(t.db, sampleRequest({ urgent: true, urgentReason: 'Загроза аварії на водогоні' }));
    expect(r.dueAt).toBe('2026-11-25T10:00:00+02:00');
    expect(r.dueDate).toBe('2026-11-25');
  });

  it('registers an incomplete request, flags what Art. 19 part 5 misses, and still takes a number', () => {
    const r = registerRequest(t.db, sampleRequest({ requesterName: '', postalAddress: '', signed: false }));
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(['requesterName', 'postalAddressOrEmail', 'signed']);
    expect(r.index).toBe('З-1');
  });

  it('does not ask for a signature on an oral request by phone, nor when an official wrote it down', () => {
    const oral = registerRequest(t.db, sampleRequest({ channel: 'phone', form: undefined, signed: false }));
    expect(oral.missing).toEqual([]);
    expect(getRequest(t.db, { index: oral.index }).form).toBe('oral');
    const written = registerRequest(
      t.db,
      sampleRequest({ channel: 'in_person', signed: false, filledByOfficial: { name: 'Іваненко Ірина Петрівна', phone: '(03472) 2-18-09' } }),
    );
    expect(written.missing).toEqual([]);
    expect(getRequest(t.db, { index: written.index }).filledByOfficial?.name).toBe('Іваненко Ірина Петрівна');
  });

  it('refuses bad input with a Ukrainian message and writes nothing', () => {
    const bad = [
      sampleRequest({ channel: 'pigeon' }),
      sampleRequest({ receivedAt: '2026-02-30T10:00:00+02:00' }),
      sampleRequest({ urgent: true, urgentReason: '' }),
      sampleRequest({ email: 'not-an-email' }),
      sampleRequest({ description: 'x'.repeat(100_000) }),
      sampleRequest({ requesterName: 'Петро\u0000Петренко' }),
      sampleRequest({ extra: 'field' }),
      sampleRequest({ receivedAt: '2026-11-24T10:00:00+02:00' }),
      'not an object',
      null,
    ];
    for (const b of bad) {
      const e = errorOf(() => registerRequest(t.db, b));
      expect(e.kind).toBe('invalid_input');
      expect(e.message).toMatch(/[а-яіїєґ]/i);
    }
    expect(listRequests(t.db)).toHaveLength(0);
    expect(t.db.sqlite.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    // The failed attempts consumed no numbers.
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-1');
  });

  it('stores SQL-looking text as text', () => {
    const evil = "Robert'); DROP TABLE requests;--";
    const r = registerRequest(t.db, sampleRequest({ requesterName: evil, description: '" OR 1=1 -- NEAR(a b) *' }));
    expect(getRequest(t.db, { index: r.index }).requesterName).toBe(evil);
    expect(listRequests(t.db, { search: '" OR 1=1 -- NEAR(' })).toHaveLength(1);
    expect(listRequests(t.db)).toHaveLength(1);
  });

  it('keeps the counter across reopening the file', () => {
    registerRequest(t.db, sampleRequest());
    t.db.sqlite.close();
    const again = openDb(t.file, { now: () => new Date('2026-11-23T12:00:00+02:00') });
    try {
      expect(registerRequest(again, sampleRequest()).index).toBe('З-2');
    } finally {
      again.sqlite.close();
    }
  });
});

describe('search and filters', () => {
  it('finds requests by a word of the description, case-insensitively, and by index', () => {
    registerRequest(t.db, sampleRequest({ description: 'Рішення про ВСТАНОВЛЕННЯ тарифів на воду' }));
    registerRequest(t.db, sampleRequest({ description: 'Копія генерального плану міста', requesterName: 'ТОВ «Ґрунт-Їжак»' }));
    expect(listRequests(t.db, { search: 'тарифів' }).map((r) => r.index)).toEqual(['З-1']);
    expect(listRequests(t.db, { search: 'встановлення' }).map((r) => r.index)).toEqual(['З-1']);
    expect(listRequests(t.db, { search: 'генеральн' }).map((r) => r.index)).toEqual(['З-2']);
    expect(listRequests(t.db, { search: 'ґрунт їжак' }).map((r) => r.index)).toEqual(['З-2']);
    expect(listRequests(t.db, { search: 'З-2' }).map((r) => r.index)).toEqual(['З-2']);
    expect(listRequests(t.db, { search: 'бюджет' })).toEqual([]);
  });

  it('filters by month and status', () => {
    registerRequest(t.db, sampleRequest({ receivedAt: '2026-10-05T10:00:00+03:00' }));
    registerRequest(t.db, sampleRequest());
    expect(listRequests(t.db, { month: '2026-10' })).toHaveLength(1);
    expect(listRequests(t.db, { month: '2026-11' })).toHaveLength(1);
    expect(listRequests(t.db, { status: 'open' })).toHaveLength(2);
    expect(listRequests(t.db, { status: 'answered' })).toHaveLength(0);
    expect(() => listRequests(t.db, { month: '2026-13' })).toThrow(/РРРР-ММ/);
  });

  it('lists overdue requests as of now', () => {
    registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-02T10:00:00+02:00' }));
    registerRequest(t.db, sampleRequest());
    expect(listRequests(t.db, { overdue: true }).map((r) => r.index)).toEqual(['З-1']);
  });
});
