/** The demo generator writes through the real services: the register it makes is in order, varied and repeatable. */
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, REQUESTER_TYPES } from '../../src/shared/domain';
import { verifyRegister } from '../../src/main/services/verify';
import { openDemoDb } from '../helpers/demoRegister';

const N = 300;
// What a journal shows of each request: everything except ids, seals and wall-clock stamps.
const CONTENT = `SELECT incoming_index, year, received_at, channel, form, requester_type, requester_name, postal_address, email, phone,
  description, urgent, signed, complete, status, executor, due_date FROM requests ORDER BY pk`;
const EVENTS = 'SELECT r.incoming_index, e.type, e.payload, e.at FROM events e JOIN requests r ON r.id = e.request_id ORDER BY e.pos';

describe('demo register', () => {
  const a = openDemoDb({ requests: N, seed: 42, batch: 64 });
  const b = openDemoDb({ requests: N, seed: 42 });
  const c = openDemoDb({ requests: 40, seed: 43 });
  afterAll(() => [a, b, c].forEach((t) => t.close()));

  it('passes verify, with about five events a request', () => {
    const report = verifyRegister(a.db);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.requests).toBe(N);
    expect(report.events).toBe(a.summary.events);
    expect(report.events / N).toBeGreaterThan(3.5);
    expect(report.events / N).toBeLessThan(6.5);
  });

  it('has every channel, requester type and result, in realistic shares', () => {
    const count = (col: string) =>
      Object.fromEntries((a.db.sqlite.prepare(`SELECT ${col} AS k, count(*) AS n FROM requests GROUP BY 1`).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const channels = count('channel');
    for (const ch of CHANNELS) expect(channels[ch], ch).toBeGreaterThan(0);
    expect(channels.email).toBeGreaterThan(channels.fax!); // email is the common way, fax the rare one
    const types = count('requester_type');
    for (const t of REQUESTER_TYPES) expect(types[t], t).toBeGreaterThan(0);
    expect(types.natural).toBeGreaterThan(N / 2);
    const statuses = count('status');
    for (const s of ['answered', 'refused', 'redirected', 'not_considered', 'void']) expect(statuses[s], s).toBeGreaterThan(0);
    expect(statuses.answered).toBeGreaterThan(N / 2);
    const events = new Set(a.db.sqlite.prepare('SELECT DISTINCT type FROM events').pluck().all());
    for (const t of ['registered', 'assigned', 'answered', 'extended', 'cost_notice', 'payment_received', 'refused', 'redirected', 'voided', 'corrected', 'note'])
      expect(events.has(t), t).toBe(true);
    // Names and subjects are Ukrainian words, not placeholders.
    const names = a.db.sqlite.prepare('SELECT requester_name FROM requests').pluck().all() as string[];
    expect(names.every((n) => /^[А-ЯІЇЄҐ]/.test(n) || /^(ТОВ|ПП|ТзОВ|ПрАТ|ФОП|ГО|ОСББ|БФ) /.test(n))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(N / 3);
  });

  it('is the same register for the same seed, and another for another seed', () => {
    expect(b.db.sqlite.prepare(CONTENT).all()).toEqual(a.db.sqlite.prepare(CONTENT).all());
    expect(b.db.sqlite.prepare(EVENTS).all()).toEqual(a.db.sqlite.prepare(EVENTS).all());
    expect(c.db.sqlite.prepare(CONTENT).all()).not.toEqual(a.db.sqlite.prepare(CONTENT).all().slice(0, 40));
  });

  it('leaves the register clock as it was and ends its history by then', () => {
    expect(a.db.now().toISOString()).toBe(new Date('2026-11-20T17:00:00+02:00').toISOString());
    const last = a.db.sqlite.prepare('SELECT max(at) FROM events').pluck().get() as string;
    expect(Date.parse(last)).toBeLessThanOrEqual(Date.parse('2026-11-20T17:00:00+02:00'));
  });
});
