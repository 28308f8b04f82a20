/**
 * Settings as a write path (issue 8 findings 1 and 5, issue 10): renaming the journal or changing
 * the template never repeats a number; a change is saved with its recomputed deadlines or not at
 * all, also while another process registers; stored settings are read part by part; the CLI.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { readSettings, updateSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { failure } from '../helpers/failure';
import { openTempDb, sampleRequest, tempDir, type TempDb } from '../helpers/tempDb';
import { ADMIN_PASSWORD, withAdmin } from '../helpers/admin';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());
const dir = tempDir('rd-settings-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta = (db: Database.Database) => db.prepare("SELECT value FROM meta WHERE key = 'settings'").pluck().get() as string | undefined;

describe('numbering survives every settings change', () => {
  it('renaming the journal keeps numbering: З-1, З-2, rename, З-3, З-4 (finding 1)', () => {
    const idx = () => registerRequest(t.db, sampleRequest()).index;
    expect([idx(), idx()]).toEqual(['З-1', 'З-2']);
    updateSettings(t.db, { index: { journal: 'вхідні запити' } });
    expect([idx(), idx()]).toEqual(['З-3', 'З-4']);
    expect(t.db.sqlite.prepare("SELECT name FROM journals WHERE id = 'main'").pluck().get()).toBe('вхідні запити');
    updateSettings(t.db, { index: { journal: 'запити' } });
    expect(idx()).toBe('З-5');
    expect(verifyRegister(t.db).findings).toEqual([]);
  });

  it('refuses a template that would print a given number again, and the printed index is unique in the database', async () => {
    updateSettings(t.db, { index: { template: '{n}0' } });
    expect([registerRequest(t.db, sampleRequest()).index, registerRequest(t.db, sampleRequest()).index]).toEqual(['10', '20']);
    const before = meta(t.db.sqlite);
    // '{n}' would reach 10 and 20 again.
    const e = await failure(() => updateSettings(t.db, { index: { template: '{n}' } }));
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toMatch(/вдруге/);
    expect(meta(t.db.sqlite)).toBe(before);
    // A template that cannot meet them is fine, and numbering goes on.
    updateSettings(t.db, { index: { template: 'З-{n}/{yy}' } });
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-3/26');
    // Even a forger going round the settings meets the unique index.
    expect(() => t.db.sqlite.exec("DROP TRIGGER requests_number_fixed; UPDATE requests SET incoming_index = '10' WHERE seq = 2")).toThrow(/UNIQUE/);
  });

  it('a new year starts at 1 in the same journal, and the years stay apart', () => {
    t.setNow('2026-12-31T17:00:00+02:00');
    expect(registerRequest(t.db, sampleRequest({ receivedAt: '2026-12-31T16:00:00+02:00' })).index).toBe('З-1');
    t.setNow('2027-01-02T10:00:00+02:00');
    expect(registerRequest(t.db, sampleRequest({ receivedAt: '2027-01-02T09:00:00+02:00' })).index).toBe('З-1');
    expect(verifyRegister(t.db).findings).toEqual([]);
  });
});

describe('a settings change is one transaction with its consequences (finding 5)', () => {
  it('busy register: nothing saved, no deadline moved', () => {
    withAdmin(t.db);
    registerRequest(t.db, sampleRequest());
    const before = meta(t.db.sqlite);
    const due = t.db.sqlite.prepare('SELECT due_date FROM requests').pluck().get();
    const other = new Database(t.file);
    other.exec('BEGIN IMMEDIATE');
    t.db.sqlite.pragma('busy_timeout = 50');
    const r = dispatch(createHandlers(t.db), 'settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true, adminPassword: ADMIN_PASSWORD } });
    other.exec('ROLLBACK');
    other.close();
    expect(r).toMatchObject({ ok: false, error: { kind: 'io', message: expect.stringMatching(/зайнятий/) } });
    expect(meta(t.db.sqlite)).toBe(before);
    expect(t.db.sqlite.prepare('SELECT due_date FROM requests').pluck().get()).toBe(due);
  });

  it('terms changed while another process registers: every deadline follows the terms in force', async () => {
    const loop = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'fixtures', 'cliLoop.ts'), t.file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    loop.stdout.on('data', (d: Buffer) => (acked += d.toString().split('\n').length - 1));
    try {
      withAdmin(t.db);
      const handlers = createHandlers(t.db);
      let changes = 0;
      for (let i = 0; changes < 6; i++) {
        while (acked < 3 * (changes + 1)) await new Promise((ok) => setTimeout(ok, 20));
        const r = dispatch(handlers, 'settings:update', { rules: { normalDays: i % 2 ? 5 : 3 }, confirm: { statutoryTerms: true, adminPassword: ADMIN_PASSWORD } });
        if ((r as { ok: boolean }).ok) changes++;
      }
    } finally {
      loop.kill('SIGKILL');
      await new Promise((ok) => loop.once('exit', ok));
    }
    // verify folds every request with the stored terms and compares the stored due date.
    const v = verifyRegister(t.db);
    expect(v.findings).toEqual([]);
    expect(v.requests).toBeGreaterThanOrEqual(18);
  }, 120_000);
});

describe('stored settings are read part by part', () => {
  it('keeps every valid field, drops and reports the rest, through the API too', () => {
    t.db.sqlite
      .prepare("INSERT INTO meta (key, value) VALUES ('settings', ?)")
      .run(JSON.stringify({ council: { name: 'Калуська міська рада', phone: 12 }, rules: { normalDays: 10, urgentHours: 24 }, index: { journal: 'вхідні' }, legacy: {} }));
    const { settings, dropped } = readSettings(t.db);
    expect(settings.council.name).toBe('Калуська міська рада');
    expect(settings.rules).toMatchObject({ normalDays: 5, urgentHours: 24 });
    expect(settings.index.journal).toBe('вхідні');
    expect(dropped.map((d) => d.path).sort()).toEqual(['council.phone', 'legacy', 'rules.normalDays']);
    expect(dropped.find((d) => d.path === 'rules.normalDays')!.message).toMatch(/Не більше 5 робочих днів/);
    expect(dispatch(createHandlers(t.db), 'settings:dropped', undefined)).toMatchObject({ ok: true, value: dropped });
  });

  it('never lets a statutory term past the law: 5 and 20 working days, 48 hours', async () => {
    for (const rules of [{ normalDays: 6 }, { extendedDays: 21 }, { urgentHours: 49 }]) expect((await failure(() => updateSettings(t.db, { rules }))).kind).toBe('invalid_input');
    expect(updateSettings(t.db, { rules: { normalDays: 4, urgentHours: 24 } }).rules).toMatchObject({ normalDays: 4, urgentHours: 24 });
  });
});

describe('registry-desk settings', () => {
  it('prints, sets several keys at once, refuses an unknown key or bad value with exit 2 and changes nothing', async () => {
    const db = join(dir, 'cli.sqlite');
    const shown = await cli(['settings', '--db', db, '--json']);
    expect(shown.code).toBe(0);
    expect(shown.json().council.responsiblePerson).toBe('');
    expect((await cli(['admin-password', '--db', db], `${ADMIN_PASSWORD}\n`)).code).toBe(0);
    const set = await cli(['settings', '--db', db, '--set', 'council.responsiblePerson=Коваль О. М.', '--set', 'council.phone=0342 123', '--set', 'rules.normalDays=4', '--confirm', '--admin-password-stdin', '--json'], `${ADMIN_PASSWORD}\n`);
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({ council: { responsiblePerson: 'Коваль О. М.', phone: '0342 123' }, rules: { normalDays: 4 } });
    const raw = () => {
      const d = openDb(db);
      try {
        return meta(d.sqlite);
      } finally {
        d.sqlite.close();
      }
    };
    const before = raw();
    for (const bad of [['nope.key=1'], ['council=1'], ['rules.normalDays=6'], ['rules.normalDays=п’ять'], ['council.name=Рада', 'rules.urgentHours=72'], ['index.template=без номера'], ['calendar.martialLawTo=[']]) {
      const r = await cli(['settings', '--db', db, ...bad.flatMap((b) => ['--set', b]), '--json']);
      expect({ bad, code: r.code, out: r.out }).toEqual({ bad, code: 2, out: '' });
      expect(r.err).toMatch(/^Помилка: /);
    }
    expect(raw()).toBe(before);
  });
});
