import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
  registerRequest(t.db, sampleRequest());
  registerRequest(t.db, sampleRequest({ description: 'Рішення про бюджет' }));
  actOnRequest(t.db, { index: 'З-1', action: 'assign', input: { executor: 'Коваль О. М.' } });
});
afterEach(() => t.close());

const dropGuards = () => t.db.sqlite.exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');

describe('verify', () => {
  it('passes on an untouched register', () => {
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, requests: 2, events: 3, findings: [] });
  });

  it('detects an edited event even when the guard triggers were removed', () => {
    dropGuards();
    t.db.sqlite.exec(`UPDATE events SET payload = json_set(payload, '$.executor', 'Хтось інший') WHERE type = 'assigned'`);
    const r = verifyRegister(t.db);
    expect(r.ok).toBe(false);
    expect(r.findings.join('\n')).toMatch(/Журнал подій змінено/);
  });

  it('detects a deleted event and a projection that disagrees with the log', () => {
    dropGuards();
    t.db.sqlite.exec(`DELETE FROM events WHERE type = 'assigned'`);
    const r = verifyRegister(t.db);
    expect(r.findings.join('\n')).toMatch(/вилучено 1/);
    expect(r.findings.join('\n')).toMatch(/Стан запиту З-1 \(2026\) не відповідає/);
  });

  it('detects a counter set back behind issued numbers', () => {
    t.db.sqlite.exec('DROP TRIGGER counters_only_grow; UPDATE counters SET last = 1');
    expect(verifyRegister(t.db).findings.join('\n')).toMatch(/Лічильник номерів 2026/);
  });
});
