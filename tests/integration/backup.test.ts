import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { backupRegister, restoreRegister } from '../../src/main/services/backup';
import { listRequests } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { AppError } from '../../src/shared/errors';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
  registerRequest(t.db, sampleRequest());
  registerRequest(t.db, sampleRequest({ description: 'Рішення про бюджет' }));
});
afterEach(() => t.close());

describe('backup and restore', () => {
  it('backs up a live register and restores it, keeping the replaced one', async () => {
    const out = join(t.dir, 'copy.sqlite');
    expect(await backupRegister(t.db, out)).toMatchObject({ requests: 2 });
    registerRequest(t.db, sampleRequest({ description: 'після копії' }));
    t.db.sqlite.close();
    const r = restoreRegister(t.file, out);
    expect(r.requests).toBe(2);
    expect(r.previous && existsSync(r.previous)).toBeTruthy();
    const back = openDb(t.file, { now: () => new Date('2026-11-23T12:00:00+02:00') });
    try {
      expect(listRequests(back).map((x) => x.index)).toEqual(['З-2', 'З-1']);
      const old = openDb(r.previous!);
      expect(listRequests(old)).toHaveLength(3);
      old.sqlite.close();
    } finally {
      back.sqlite.close();
    }
  });

  it('refuses a damaged backup and leaves the register as it was', async () => {
    const out = join(t.dir, 'copy.sqlite');
    await backupRegister(t.db, out);
    t.db.sqlite.close();
    const bytes = readFileSync(out);
    // Scribble over the pages that hold the data, keep the header: a typical damaged copy.
    bytes.fill(0x41, 4096, bytes.length);
    writeFileSync(out, bytes);
    const before = readFileSync(t.file);
    expect(() => restoreRegister(t.file, out)).toThrow(AppError);
    expect(() => restoreRegister(t.file, join(t.dir, 'nope.sqlite'))).toThrow(/не знайдено/);
    writeFileSync(join(t.dir, 'text.sqlite'), 'hello');
    expect(() => restoreRegister(t.file, join(t.dir, 'text.sqlite'))).toThrow(/не є базою SQLite/);
    expect(readFileSync(t.file).equals(before)).toBe(true);
  });
});
