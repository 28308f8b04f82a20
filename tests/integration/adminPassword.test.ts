/**
 * Issue 10: the statutory terms, the martial-law end date and the calendar change only with the
 * administrator's password (besides the Art. 20 confirmation) — in the API and the CLI; the password
 * is kept as a scrypt hash, never given on the command line, and a wrong one changes nothing (exit 2).
 * Real SQLite files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { getSettings } from '../../src/main/services/settings';
import { registerRequest } from '../../src/main/services/registration';
import { ADMIN_PASSWORD } from '../helpers/admin';
import { cli } from '../helpers/cli';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  delete process.env.REGISTRY_DESK_ADMIN_PASSWORD;
});
afterEach(() => {
  delete process.env.REGISTRY_DESK_ADMIN_PASSWORD;
  t.close();
});

const settingsRow = () => t.db.sqlite.prepare("SELECT value FROM meta WHERE key = 'settings'").pluck().get() as string | undefined;
const adminRow = () => t.db.sqlite.prepare("SELECT value FROM meta WHERE key = 'admin_password'").pluck().get() as string | undefined;

describe('the administrator password', () => {
  it('CLI: without a password set, says how to set one; sets it from stdin as a scrypt hash; a wrong one changes nothing (exit 2)', async () => {
    const due = registerRequest(t.db, sampleRequest()).dueDate;
    const before = settingsRow();
    const none = await cli(['settings', '--db', t.file, '--set', 'rules.normalDays=4', '--confirm', '--json']);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/Пароль адміністратора ще не встановлено.*registry-desk admin-password --db/s);
    expect(settingsRow()).toBe(before);

    expect((await cli(['admin-password', '--db', t.file], 'корот\n')).code).toBe(2);
    expect(adminRow()).toBeUndefined();
    const set = await cli(['admin-password', '--db', t.file, '--json'], `${ADMIN_PASSWORD}\n`);
    expect(set.code, set.err).toBe(0);
    expect(set.json()).toEqual({ adminPassword: 'set' });
    expect(adminRow()).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(adminRow()).not.toContain(ADMIN_PASSWORD);

    process.env.REGISTRY_DESK_ADMIN_PASSWORD = 'не той пароль';
    const wrong = await cli(['settings', '--db', t.file, '--set', 'rules.normalDays=4', '--confirm', '--json']);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toBe('');
    expect(wrong.err).toMatch(/Невірний пароль адміністратора.*Нічого не змінено/);
    expect(settingsRow()).toBe(before);
    expect(t.db.sqlite.prepare('SELECT due_date FROM requests').pluck().get()).toBe(due);

    // The right password still needs the Art. 20 confirmation.
    process.env.REGISTRY_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
    const unconfirmed = await cli(['settings', '--db', t.file, '--set', 'rules.normalDays=4', '--json']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toMatch(/ст\. 20.*--confirm/s);
    const ok = await cli(['settings', '--db', t.file, '--set', 'rules.normalDays=4', '--confirm', '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.json().rules.normalDays).toBe(4);
    // Open deadlines moved with the terms, in the same transaction.
    expect(t.db.sqlite.prepare('SELECT due_date FROM requests').pluck().get()).not.toBe(due);
  });

  it('CLI: the martial-law end date and the calendar need it too, given on stdin; other settings do not', async () => {
    await cli(['admin-password', '--db', t.file], `${ADMIN_PASSWORD}\n`);
    const before = settingsRow();
    const refused = await cli(['settings', '--db', t.file, '--set', 'calendar.martialLawTo="2026-12-31"', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Невірний пароль адміністратора/);
    expect((await cli(['settings', '--db', t.file, '--set', 'calendar.mode=peacetime', '--admin-password-stdin', '--json'], 'ні\n')).code).toBe(2);
    expect(settingsRow()).toBe(before);
    const ok = await cli(['settings', '--db', t.file, '--set', 'calendar.martialLawTo="2026-12-31"', '--admin-password-stdin', '--json'], `${ADMIN_PASSWORD}\n`);
    expect(ok.code, ok.err).toBe(0);
    expect(getSettings(t.db).calendar.martialLawTo).toBe('2026-12-31');
    // Not the administrator's: the clerk changes it without a password.
    const plain = await cli(['settings', '--db', t.file, '--set', 'council.responsiblePerson=Наталія БАБІЙ', '--json']);
    expect(plain.code, plain.err).toBe(0);
  });

  it('changing the password needs the current one; the API reports the state and refuses a wrong password with the field', async () => {
    const h = createHandlers(t.db);
    expect(dispatch(h, 'admin:status', undefined)).toMatchObject({ ok: true, value: { passwordSet: false } });
    expect(dispatch(h, 'admin:setPassword', { password: ADMIN_PASSWORD })).toMatchObject({ ok: true, value: { passwordSet: true } });
    expect(dispatch(h, 'admin:status', undefined)).toMatchObject({ ok: true, value: { passwordSet: true } });
    const hash = adminRow();
    expect(dispatch(h, 'admin:setPassword', { password: 'новий пароль 2027' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(dispatch(h, 'admin:setPassword', { password: 'новий пароль 2027', current: 'не той' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Невірний пароль/) } });
    expect(adminRow()).toBe(hash);
    const cliChange = await cli(['admin-password', '--db', t.file], 'новий пароль 2027\n');
    expect(cliChange.code).toBe(2);
    expect(adminRow()).toBe(hash);
    expect(dispatch(h, 'admin:setPassword', { password: 'новий пароль 2027', current: ADMIN_PASSWORD })).toMatchObject({ ok: true });
    expect(adminRow()).not.toBe(hash);

    const before = settingsRow();
    const wrong = dispatch(h, 'settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true, adminPassword: ADMIN_PASSWORD } });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'invalid_input', fields: [{ path: 'confirm.adminPassword' }] } });
    expect(settingsRow()).toBe(before);
    const ok = dispatch(h, 'settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true, adminPassword: 'новий пароль 2027' } });
    expect(ok).toMatchObject({ ok: true, value: { rules: { normalDays: 3 } } });
  });
});
