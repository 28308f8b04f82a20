import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { openDb } from '../../src/main/db/open';
import { CancelledError } from '../../src/main/services/jobs';
import type { Progress } from '../../src/shared/jobs';
import { bulkRegister } from '../helpers/bulkRegister';
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

  it('passes on a connection that was open while another one registered (the desk open while the CLI wrote)', () => {
    // SQLite's integrity check of an FTS5 index judged it by this connection's cached picture of the
    // index, stale after another connection's write: «fts5: checksum mismatch» on a sound file.
    verifyRegister(t.db);
    const other = openDb(t.file, { now: () => new Date('2026-11-23T11:00:00+02:00'), user: 'cli' });
    registerRequest(other, sampleRequest({ requesterName: 'Литвин Ольга' }));
    other.sqlite.close();
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, requests: 3, events: 4, findings: [] });
  });

  it('tells its progress over the events and requests it walks, and stops at «Скасувати»', () => {
    bulkRegister(t.db, 3000);
    const rows = (t.db.sqlite.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM requests)').pluck().get() as number);
    const seen: Progress[] = [];
    expect(verifyRegister(t.db, { onProgress: (p) => seen.push(p) }).ok).toBe(true);
    expect(seen[0]).toEqual({ done: 0, total: rows, phase: 'checking' });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: Math.floor(rows / 5000) + 1 }, (_, i) => i * 5000));
    expect(() => verifyRegister(t.db, { cancelled: () => true })).toThrow(CancelledError);
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
