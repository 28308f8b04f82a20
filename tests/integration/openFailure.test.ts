/** The start-up dialog's wording for real failures to open a register (src/main/electron/openFailure.ts). */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/main/db/open';
import { describeOpenFailure } from '../../src/main/electron/openFailure';
import { tempDir } from '../helpers/tempDb';

const failureOf = (file: string) => {
  try {
    closeDb(openDb(file));
  } catch (e) {
    return describeOpenFailure(e, file);
  }
  throw new Error('the register opened');
};

const held: Database.Database[] = [];
afterEach(() => held.splice(0).forEach((d) => d.close()));

describe('why a register did not open, in words the clerk can act on', () => {
  it('a register written by a newer version asks for an update', () => {
    const file = join(tempDir(), 'register.sqlite');
    closeDb(openDb(file));
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4102444800000);
    raw.close();
    const f = failureOf(file);
    expect(f.title).toBe('Реєстр з новішої версії програми');
    expect(f.message).toMatch(/оновіть програму/);
  });

  it('a register held exclusively by another connection is reported as busy, not as damaged', () => {
    const file = join(tempDir(), 'register.sqlite');
    const other = new Database(file);
    held.push(other);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    const f = failureOf(file);
    expect(f.title).toBe('Реєстр зайнятий');
    expect(f.message).toMatch(/закрийте іншу програму/);
  });

  it('a file that is not a database is reported as damaged, with the way back from a backup', () => {
    const file = join(tempDir(), 'register.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    const f = failureOf(file);
    expect(f.title).toBe('Файл реєстру пошкоджено');
    expect(f.message).toContain(file);
  });
});
