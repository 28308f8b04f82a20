/**
 * Outgoing numbers are found through the expression index of migration 0006: the check must still
 * refuse a number already given in its year (whoever holds it, however it is typed), still allow it
 * in another year, and find numbers recorded before the index existed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { OUTGOING_HOLDERS } from '../../src/main/services/outgoing';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import type { Db } from '../../src/main/db/open';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

const answer = (db: Db, index: string, outgoingIndex: string, date?: string) =>
  actOnRequest(db, { index, action: 'answer', input: { outgoingIndex, ...(date ? { date } : {}) } });
const plan = (db: Db) => (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${OUTGOING_HOLDERS}`).all('x', '2026') as { detail: string }[]).map((r) => r.detail).join('\n');

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2025-12-22T12:00:00+02:00');
});
afterEach(() => t.close());

describe('outgoing numbers through the index', () => {
  it('looks a number up by the index, not by reading every answer', () => {
    expect(plan(t.db)).toMatch(/USING INDEX events_outgoing/);
    expect(plan(t.db)).not.toMatch(/SCAN e\b/);
  });

  it('refuses a number given this year (even typed with spaces), allows it in another year', () => {
    const old = registerRequest(t.db, sampleRequest({ receivedAt: '2025-12-22T10:00:00+02:00' }));
    expect(answer(t.db, old.index, '01-15/5', '2025-12-22').status).toBe('answered');
    t.setNow('2026-11-23T12:00:00+02:00');
    const b = registerRequest(t.db, sampleRequest());
    const c = registerRequest(t.db, sampleRequest());
    // 2025's 01-15/5 does not hold the number in 2026.
    expect(answer(t.db, b.index, '01-15/5', '2026-11-23').status).toBe('answered');
    const refusal = `Вихідний № 01-15/5 у 2026 році вже надано: відповідь на запит вх. № ${b.index}.`;
    expect(() => answer(t.db, c.index, '01-15/5', '2026-11-23')).toThrow(refusal);
    expect(() => answer(t.db, c.index, '  01-15/5 ')).toThrow(refusal);
    // Refused means nothing written: C is still open and takes a free number.
    expect(answer(t.db, c.index, '01-15/6').status).toBe('answered');
    expect(t.db.sqlite.prepare("SELECT count(*) FROM events WHERE type = 'answered'").pluck().get()).toBe(3);
  });

  it('finds numbers a register recorded before migration 0006', () => {
    // A register answered before 0006 has no index; 0006's own SQL, run over it, must index what is
    // already there. (Opening an old file with the migrations up to 0005 would need code of that
    // time: today's services write columns later migrations added.)
    t.setNow('2026-11-23T12:00:00+02:00');
    const a = registerRequest(t.db, sampleRequest());
    answer(t.db, a.index, '01-15/9');
    t.db.sqlite.exec('DROP INDEX events_outgoing');
    expect(plan(t.db)).not.toMatch(/events_outgoing/);
    t.db.sqlite.exec(readFileSync(join(migrationsFolder(), '0006_outgoing_index.sql'), 'utf8'));
    expect(plan(t.db)).toMatch(/USING INDEX events_outgoing/);
    const b = registerRequest(t.db, sampleRequest());
    expect(() => answer(t.db, b.index, '01-15/9')).toThrow(`Вихідний № 01-15/9 у 2026 році вже надано: відповідь на запит вх. № ${a.index}.`);
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, findings: [] });
  });
});
