/**
 * Settings are parsed once per stored text and connection (services/settings.ts): a change saved
 * through another connection — another window or process on the same file — must still apply to
 * the very next registration, never the terms or numbering parsed before it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { getSettings, updateSettings } from '../../src/main/services/settings';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
let other: Db;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  other = openDb(t.file, { now: () => new Date('2026-11-23T10:00:00+02:00'), user: 'other-window' });
});
afterEach(() => {
  other.sqlite.close();
  t.close();
});

describe('settings parsed once, never stale', () => {
  it("applies another connection's new template and terms to the next registration", () => {
    const first = registerRequest(t.db, sampleRequest());
    expect(first.index).toBe('З-1');
    expect(first.dueDate).toBe('2026-11-30');
    updateSettings(other, { index: { template: 'ЗІ-{n}' }, rules: { normalDays: 3 } });
    const second = registerRequest(t.db, sampleRequest());
    expect(second.index).toBe('ЗІ-2');
    expect(second.dueDate).toBe('2026-11-26');
    expect(getSettings(t.db).rules.normalDays).toBe(3);
  });

  it('hands out one shared copy that no caller can change', () => {
    const s = getSettings(t.db);
    expect(getSettings(t.db)).toBe(s);
    expect(() => {
      (s.index as { prefix: string }).prefix = 'X';
    }).toThrow(TypeError);
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-1');
  });
});
