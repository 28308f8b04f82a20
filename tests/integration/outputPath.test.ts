/** The one output guard (issue 8, finding 4): no writer may name the register, its companions or a non-file. */
import { linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { ensureWritableDir, guardOutputFile } from '../../src/main/files/outputPath';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { failure } from '../helpers/failure';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-out-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reg = join(dir, 'desk.sqlite');

describe('output guard', () => {
  it('refuses the register, each of its companion files, a hard link and a path through a linked folder', async () => {
    const db = openDb(reg);
    registerRequest(db, sampleRequest());
    try {
      for (const f of [reg, `${reg}-wal`, `${reg}-shm`, `${reg}-journal`, `${reg}.key`, `${reg}.lock`, join(dir, 'sub', '..', 'desk.sqlite')])
        expect((await failure(() => guardOutputFile(f))).message).toMatch(/файл реєстру/);
      linkSync(reg, join(dir, 'hard.sqlite'));
      expect((await failure(() => guardOutputFile(join(dir, 'hard.sqlite')))).message).toMatch(/файл реєстру/);
      symlinkSync(dir, join(dir, 'alias'));
      expect((await failure(() => guardOutputFile(join(dir, 'alias', 'desk.sqlite')))).message).toMatch(/файл реєстру/);
      expect(guardOutputFile(join(dir, 'new', 'journal.csv'))).toBe(join(dir, 'new', 'journal.csv'));
    } finally {
      db.sqlite.close();
    }
  });

  it('refuses a device, a /proc file, a folder, and fails fast on a folder it cannot create', async () => {
    expect((await failure(() => guardOutputFile('/dev/full'))).message).toMatch(/не є звичайним файлом/);
    expect((await failure(() => guardOutputFile('/dev/null'))).message).toMatch(/не є звичайним файлом/);
    expect((await failure(() => guardOutputFile(dir))).message).toMatch(/це папка/);
    writeFileSync(join(dir, 'plain.txt'), 'x');
    const t0 = Date.now();
    expect((await failure(() => guardOutputFile(join(dir, 'plain.txt', 'deeper', 'out.pdf')))).message).toMatch(/Не вдалося записати в папку/);
    expect((await failure(() => ensureWritableDir('/proc/self/nope/x'))).kind).toBe('invalid_input');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('every CLI writer refuses the register and leaves it whole (journal, report, backup, stamp)', async () => {
    mkdirSync(join(dir, 'cli'), { recursive: true });
    const db = join(dir, 'cli', 'desk.sqlite');
    expect((await cli(['register', '--db', db, '--input', '-', '--json'], JSON.stringify(sampleRequest()))).code).toBe(0);
    const before = readFileSync(db);
    const attempts = [
      ['journal', '--db', db, '--month', '2026-11', '--format', 'csv', '--out', db],
      ['journal', '--db', db, '--month', '2026-11', '--format', 'xlsx', '--out', `${db}-wal`],
      ['report', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30', '--out', `${db}-shm`],
      ['report', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'pdf', '--out', db],
      ['backup', '--db', db, '--out', db],
      ['stamp', '--db', db, '--index', 'З-1', '--out', db],
      ['journal', '--db', db, '--month', '2026-11', '--format', 'csv', '--out', '/dev/full'],
    ];
    for (const args of attempts) {
      const r = await cli(args);
      expect({ args: args.join(' '), code: r.code }).toEqual({ args: args.join(' '), code: 2 });
      expect(r.err).toMatch(/файл реєстру|не є звичайним файлом/);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    const again = openDb(db);
    try {
      expect(verifyRegister(again)).toMatchObject({ ok: true, requests: 1 });
    } finally {
      again.sqlite.close();
    }
  });
});
