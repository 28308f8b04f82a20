/**
 * Finding 5's last gap: a write that read the terms before taking the write lock. Another process
 * saving new terms (and recomputing every request, in its own transaction) between that read and
 * the lock left the new request, or the acted-on one, dated by the old terms for good. The
 * interleaving is made exactly: the register's connection runs the other process's settings change
 * on a second real connection the moment the write transaction is about to begin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { updateSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';
import { ADMIN_PASSWORD, withAdmin } from '../helpers/admin';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  withAdmin(t.db);
});
afterEach(() => t.close());

/** `db` whose next write transaction starts just after `other` ran on another connection. */
function racing(db: Db, other: (elsewhere: Db) => void): Db {
  let done = false;
  const sqlite = new Proxy(db.sqlite, {
    get(target, key) {
      if (key === 'transaction')
        return (fn: (...a: unknown[]) => unknown) => {
          const tx = target.transaction(fn);
          const begin = (how: 'immediate' | 'deferred' | 'exclusive' | null) => (...a: unknown[]) => {
            if (!done) {
              done = true;
              const elsewhere = openDb(db.path);
              try {
                other(elsewhere);
              } finally {
                elsewhere.sqlite.close();
              }
            }
            return how ? tx[how](...a) : tx(...a);
          };
          return Object.assign(begin(null), { immediate: begin('immediate'), deferred: begin('deferred'), exclusive: begin('exclusive') });
        };
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { ...db, sqlite } as Db;
}

const dueOf = (index: string) => t.db.sqlite.prepare('SELECT due_date FROM requests WHERE incoming_index = ?').pluck().get(index);
const fiveDays = (elsewhere: Db) => updateSettings(elsewhere, { rules: { normalDays: 5 } }, { statutoryTerms: true, adminPassword: ADMIN_PASSWORD });

describe('terms saved by another process just before a write transaction', () => {
  it('a registration is dated by the terms in force when it takes the lock', () => {
    updateSettings(t.db, { rules: { normalDays: 3 } }, { statutoryTerms: true, adminPassword: ADMIN_PASSWORD });
    const r = registerRequest(racing(t.db, fiveDays), sampleRequest({ receivedAt: '2026-11-23T09:00:00+02:00' }));
    // 5 working days from Monday 23.11 (martial law: no holidays moved) is Monday 30.11, not Thursday 26.11.
    expect(r.dueDate).toBe('2026-11-30');
    expect(dueOf(r.index)).toBe('2026-11-30');
    expect(verifyRegister(t.db).findings).toEqual([]);
  });

  it('an action stores the state folded with the terms in force when it takes the lock', () => {
    updateSettings(t.db, { rules: { normalDays: 3 } }, { statutoryTerms: true, adminPassword: ADMIN_PASSWORD });
    const r = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-23T09:00:00+02:00' }));
    expect(dueOf(r.index)).toBe('2026-11-26');
    actOnRequest(racing(t.db, fiveDays), { index: r.index, action: 'assign', input: { executor: 'Коваль О. М.' } });
    expect(dueOf(r.index)).toBe('2026-11-30');
    expect(verifyRegister(t.db).findings).toEqual([]);
  });
});
