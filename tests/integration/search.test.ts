/** Search finds what the clerk typed: apostrophe variants, and an incoming index however it is typed (issue 10). */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/main/db/open';
import { getRequest, listRequests } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { indexKey, normalizeForSearch } from '../../src/shared/search';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const found = (search: string) => listRequests(t.db, { search }).map((r) => r.index);

describe('search', () => {
  it('treats the apostrophe variants as one letter', () => {
    const { index } = registerRequest(t.db, sampleRequest({ description: "Проєкт об'єкта благоустрою на вул. Січових Стрільців" }));
    registerRequest(t.db, sampleRequest({ requesterName: 'Мʼясоїд Олена', description: 'Кошторис' }));
    for (const q of ['обʼєкта', 'об’єкта', "об'єкта", 'об`єкта', 'обʼєкт']) expect(found(q), q).toEqual([index]);
    for (const q of ["М'ясоїд", 'М’ясоїд', 'Мʼясоїд']) expect(found(q), q).toHaveLength(1);
    expect(normalizeForSearch('пʼять п’ять п\'ять')).toBe('пять пять пять');
  });

  it('finds an incoming index however it is typed, the exact one first', () => {
    const made = Array.from({ length: 60 }, () => registerRequest(t.db, sampleRequest({ description: 'Рішення сесії' })).index);
    expect(made[4]).toBe('З-5');
    for (const q of ['З-5', 'З5', 'з-5', 'з5', 'Z-5', 'z5', 'З 5']) expect(found(q)[0], q).toBe('З-5');
    expect(found('З-50')[0]).toBe('З-50');
    expect(getRequest(t.db, { index: 'Z-5' }).index).toBe('З-5');
    expect(getRequest(t.db, { index: 'з5' }).index).toBe('З-5');
    expect(indexKey('125/01-15')).toBe('1250115');
    expect(indexKey('рішення')).toBeNull();
  });

  it('a register indexed by an older version is re-indexed once when opened', () => {
    const { index } = registerRequest(t.db, sampleRequest({ description: "Копія рішення про об'єкт" }));
    // As an older version left it: the raw text with its apostrophe, and no version mark.
    const pk = t.db.sqlite.prepare('SELECT pk FROM requests').pluck().get() as number;
    t.db.sqlite.prepare('UPDATE requests_fts SET description = ? WHERE rowid = ?').run("Копія рішення про об'єкт", pk);
    t.db.sqlite.prepare("DELETE FROM meta WHERE key = 'search_index_version'").run();
    closeDb(t.db);
    const raw = new Database(t.file);
    expect(raw.prepare("SELECT count(*) FROM requests_fts WHERE requests_fts MATCH '\"обєкт\"*'").pluck().get()).toBe(0);
    raw.close();
    t.db = openDb(t.file, { now: () => new Date('2026-11-23T10:00:00+02:00') });
    expect(found('обʼєкт')).toEqual([index]);
    closeDb(t.db);
  });
});
