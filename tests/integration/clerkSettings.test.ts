/**
 * Issue 10 at the service level (the rest): settings that hold (a stale IBAN keeps the rest), the
 * statutory terms and a mid-year index format need a person's word, the payment requisites saved
 * through the API produce a cost notice, far-past receipt dates ask first, scans are opened and
 * removed with a reason, a voided request gets no stamp or receipt, the receipt is recorded, and
 * messages name fields in words.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { attachBytes } from '../../src/main/services/attachments';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { readSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { ibanProblem } from '../../src/shared/iban';
import { cli } from '../helpers/cli';
import { pdfText } from '../helpers/readBack';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';
import { ADMIN_PASSWORD, withAdmin } from '../helpers/admin';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string; fields?: { path: string; message: string }[] } };
const call = async <T = unknown>(method: string, input?: unknown) => (await dispatch(createHandlers(t.db), method, input)) as R<T>;
const count = (sql: string) => t.db.sqlite.prepare(sql).pluck().get() as number;
const GOOD_IBAN = 'UA213223130000026007233566001';

describe('settings that hold', () => {
  it('IBAN: the check digits are verified (one digit changed or two swapped is caught)', () => {
    expect(ibanProblem(GOOD_IBAN)).toBeNull();
    expect(ibanProblem('UA21 3223 1300 0002 6007 2335 6600 1')).toBeNull();
    expect(ibanProblem('UA213223130000026007233566002')).toMatch(/контрольні цифри/);
    expect(ibanProblem('UA213223130000026007233565601')).toMatch(/контрольні цифри/);
    expect(ibanProblem('UA2132231300000260072335')).toMatch(/29 знаків/);
  });

  it('a stored IBAN that fails the checksum is dropped alone: the council name and martial-law end date survive, and the API says what was dropped in words', async () => {
    const stored = {
      council: { name: 'Виконавчий комітет Калуської міської ради', clerkName: 'Ірина Мельник' },
      calendar: { martialLawTo: '2026-12-31' },
      payment: { recipient: 'Виконавчий комітет', iban: 'UA213223130000026007233566002', edrpou: '04054346' },
    };
    t.db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('settings', ?)").run(JSON.stringify(stored));
    const { settings, dropped } = readSettings(t.db);
    expect(settings.council.name).toBe('Виконавчий комітет Калуської міської ради');
    expect(settings.calendar.martialLawTo).toBe('2026-12-31');
    expect(settings.payment).toMatchObject({ recipient: 'Виконавчий комітет', iban: '', edrpou: '04054346' });
    expect(dropped).toEqual([{ path: 'payment.iban', message: expect.stringMatching(/контрольні цифри/) }]);
    const api = await call<{ path: string }[]>('settings:dropped');
    expect(api.ok && api.value.map((d) => d.path)).toEqual(['payment.iban']);
    // The CLI names it in words too, and saving anything else keeps the survivors.
    const shown = await cli(['settings', '--db', t.file, '--set', 'council.phone=0342 123', '--json']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.err).toMatch(/налаштування «IBAN» \(payment\.iban\) не прочитано/);
    t.close();
    t = openTempDb();
  });

  it('statutory terms: refused through the API without the confirmation naming Art. 20, capped at the law, saved with it', async () => {
    const before = count("SELECT value FROM meta WHERE key = 'settings'") ?? null;
    const refused = await call('settings:update', { rules: { normalDays: 3 } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.kind).toBe('not_allowed');
    expect(refused.error.message).toMatch(/стаття 20 Закону України «Про доступ до публічної інформації»/);
    expect(refused.error.fields!.map((f) => f.path)).toEqual(['confirm.statutoryTerms', 'rules.normalDays']);
    expect(count("SELECT value FROM meta WHERE key = 'settings'") ?? null).toBe(before);
    const capped = await call('settings:update', { rules: { urgentHours: 72 }, confirm: { statutoryTerms: true } });
    expect(capped).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/Терміновий запит, годин: Не більше 48 годин: так встановлює ч\. 2 ст\. 20/) } });
    // Besides the confirmation, the administrator's password (issue 10): none set yet, then a wrong one.
    const noPassword = await call('settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true } });
    expect(noPassword).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/ще не встановлено.*admin-password/s) } });
    withAdmin(t.db);
    const wrong = await call('settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true, adminPassword: 'не той' } });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/^Невірний пароль адміністратора/) } });
    expect(count("SELECT value FROM meta WHERE key = 'settings'") ?? null).toBe(before);
    const ok = await call<{ rules: { normalDays: number } }>('settings:update', { rules: { normalDays: 3 }, confirm: { statutoryTerms: true, adminPassword: ADMIN_PASSWORD } });
    expect(ok.ok && ok.value.rules.normalDays).toBe(3);
    // Not statutory: the days after payment change without the administrator's word.
    expect((await call('settings:update', { rules: { afterPaymentDays: 2 } })).ok).toBe(true);
    // The CLI asks for --confirm.
    const c = await cli(['settings', '--db', t.file, '--set', 'rules.normalDays=4', '--json']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/ст\. 20.*--confirm/s);
  });

  it('a new index format in a year with numbers warns that the journal will mix formats; confirmed, it is saved', async () => {
    // An empty year: nothing to mix, no question.
    expect((await call('settings:update', { index: { template: '{n}' } })).ok).toBe(true);
    expect((await call('settings:update', { index: { template: 'З-{n}' } })).ok).toBe(true);
    registerRequest(t.db, sampleRequest());
    const asked = await call('settings:update', { index: { template: 'З-{n}/{yy}' } });
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.error.fields![0]!.path).toBe('confirm.templateMidYear');
    expect(asked.error.message).toMatch(/У 2026 році вже зареєстровано 1 запит з номерами на зразок «З-1».*«З-1\/26».*поєднає два формати/);
    expect(readSettings(t.db).settings.index.template).toBe('З-{n}');
    expect((await call('settings:update', { index: { template: 'З-{n}/{yy}' }, confirm: { templateMidYear: true } })).ok).toBe(true);
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-2/26');
  });

  it('payment requisites and the holder decision saved through the API produce a cost notice with them', async () => {
    const saved = await call('settings:update', {
      council: { name: 'Виконавчий комітет Калуської міської ради', clerkName: 'Ірина Мельник', clerkPosition: 'головний спеціаліст', responsiblePerson: 'Наталія БАБІЙ', responsiblePosition: 'Керуючий справами виконкому' },
      payment: { recipient: 'Виконавчий комітет Калуської міської ради', iban: 'UA21 3223 1300 0002 6007 2335 6600 1', edrpou: '04054346', bank: 'Казначейство України' },
      fees: { rates: [{ from: '2026-01-01', a4: 0.2, a3: 0.3, restricted: 0.4, scan: 0.1, decisionNumber: '15', decisionDate: '2025-12-20' }] },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const reg = registerRequest(t.db, sampleRequest());
    expect((await call('requests:act', { index: reg.index, action: 'cost_notice', input: { pages: 20, format: 'A4' } })).ok).toBe(true);
    const out = join(t.dir, 'cost.pdf');
    const made = await call<{ path: string }>('documents:make', { kind: 'letter_cost', index: reg.index, out });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const txt = pdfText(out);
    expect(txt).toContain('UA213223130000026007233566001');
    expect(txt).toContain('04054346');
    expect(txt).toMatch(/рішення розпорядника інформації від 20\.12\.2025 № 15/);
    expect(txt).toMatch(/20 × 6,66 грн = 133,20 грн/);
    // A bad IBAN through the API: refused with the field in words, nothing saved.
    const bad = await call('settings:update', { payment: { iban: 'UA213223130000026007233566002' } });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^IBAN: IBAN містить помилку/) } });
    expect(readSettings(t.db).settings.payment.iban).toBe(GOOD_IBAN);
  });
});

describe('far-past receipt dates', () => {
  const counters = () => count('SELECT coalesce(sum(last), 0) FROM counters');

  it('the API registers a date over a month back or before the register’s first year only with acceptPastDate; nothing is taken before', async () => {
    const past = await call('requests:register', sampleRequest({ receivedAt: '2026-09-01T10:00:00+03:00' }));
    expect(past.ok).toBe(false);
    if (past.ok) return;
    expect(past.error.fields!.map((f) => f.path)).toEqual(['acceptPastDate']);
    expect(past.error.message).toMatch(/01\.09\.2026 — більш як на місяць раніше за сьогодні \(23\.11\.2026\).*Номер не видано/);
    expect([count('SELECT count(*) FROM requests'), counters()]).toEqual([0, 0]);
    // Within a month: no question.
    const recent = await call<{ index: string }>('requests:register', sampleRequest({ receivedAt: '2026-11-02T10:00:00+02:00' }));
    expect(recent.ok && recent.value.index).toBe('З-1');
    const confirmed = await call<{ index: string }>('requests:register', sampleRequest({ receivedAt: '2026-09-01T10:00:00+03:00', acceptPastDate: true }));
    expect(confirmed.ok && confirmed.value.index).toBe('З-2');
    // Before the register's first year (2026): asked even if the clerk confirmed «far back» for another.
    const older = await call('requests:register', sampleRequest({ receivedAt: '2025-12-30T10:00:00+02:00' }));
    expect(older).toMatchObject({ ok: false, error: { message: expect.stringMatching(/раніше за перший рік цього реєстру \(2026\)/) } });
    // 1990 is refused outright, confirmed or not.
    const y1990 = await call('requests:register', sampleRequest({ receivedAt: '1990-01-01T10:00:00+02:00', acceptPastDate: true }));
    expect(y1990).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/Рік має бути від 1991/) } });
    expect(count('SELECT count(*) FROM requests')).toBe(2);
    expect(verifyRegister(t.db).findings).toEqual([]);
  });

  it('the CLI keeps cli.md: it registers and warns on stderr, stdout stays one JSON value', async () => {
    const r = await cli(['register', '--db', t.file, '--input', '-', '--json'], JSON.stringify(sampleRequest({ receivedAt: '2026-01-13T10:00:00+02:00' })));
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ index: 'З-1' });
    expect(r.err).toMatch(/^Увага: Дата надходження 13\.01\.2026 — більш як на місяць раніше/);
    const bad = await cli(['register', '--db', t.file, '--input', '-', '--json'], JSON.stringify(sampleRequest({ receivedAt: '1990-01-01T10:00:00+02:00' })));
    expect(bad.code).toBe(2);
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('the card: scans, voided papers, the receipt recorded, the version token', () => {
  it('a scan is read back byte for byte and removed with a reason: an event, no longer listed, bytes kept, verify clean', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    const a = attachBytes(t.db, { index }, 'scan.pdf', PDF);
    const v0 = await call<{ version: string }>('requests:version', { index });
    const got = await call<{ base64: string; mime: string; name: string }>('attachments:get', { id: a.id });
    expect(got.ok && Buffer.from(got.value.base64, 'base64').equals(PDF)).toBe(true);
    expect(got.ok && got.value.mime).toBe('application/pdf');
    const noReason = await call('attachments:remove', { index, attachmentId: a.id, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Причина вилучення|Вкажіть причину/) } });
    const removed = await call<{ attachments: unknown[]; events: { type: string; payload: unknown }[] }>('attachments:remove', { index, attachmentId: a.id, reason: 'Долучено не той файл' });
    expect(removed.ok).toBe(true);
    if (!removed.ok) return;
    expect(removed.value.attachments).toEqual([]);
    expect(removed.value.events.at(-1)).toMatchObject({ type: 'attachment_removed', payload: { attachmentId: a.id, name: 'scan.pdf', reason: 'Долучено не той файл' } });
    expect(count('SELECT count(*) FROM attachments')).toBe(1);
    const again = await call('attachments:remove', { index, attachmentId: a.id, reason: 'ще раз' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const v1 = await call<{ version: string }>('requests:version', { index });
    expect(v0.ok && v1.ok && v0.value.version !== v1.value.version).toBe(true);
    expect(verifyRegister(t.db).findings).toEqual([]);
    const shown = await cli(['show', '--db', t.file, '--index', index, '--json']);
    expect(shown.json().attachments).toEqual([]);
  });

  it('the receipt is recorded in the history like the stamp; a voided request gets neither', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    const receipt = await call<{ eventId?: string }>('documents:make', { kind: 'receipt', index, out: join(t.dir, 'r.pdf') });
    expect(receipt.ok && receipt.value.eventId).toBeTruthy();
    expect(getRequest(t.db, { index }).events.at(-1)).toMatchObject({ type: 'document_issued', payload: { kind: 'receipt' } });
    expect((await call('requests:act', { index, action: 'void', input: { reason: 'Помилкова реєстрація' } })).ok).toBe(true);
    const events = getRequest(t.db, { index }).events.length;
    for (const kind of ['receipt', 'stamp_sheet', 'stamped_copy']) {
      const out = join(t.dir, `${kind}-void.pdf`);
      const r = await call('documents:make', { kind, index, out });
      expect(r).toMatchObject({ ok: false, error: { kind: 'not_allowed', message: expect.stringMatching(/анульовано: штамп реєстрації і розписку для нього не видають/) } });
    }
    const scan = join(t.dir, 'scan.pdf');
    writeFileSync(scan, PDF);
    expect(await call('documents:make', { kind: 'stamp_onto', index, onto: scan, out: join(t.dir, 'onto.pdf') })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    expect(getRequest(t.db, { index }).events.length).toBe(events);
    // The blank form is still there for the visitor.
    expect((await call('documents:make', { kind: 'form_natural', out: join(t.dir, 'form.pdf') })).ok).toBe(true);
  });
});

describe('messages a person can read', () => {
  it('no zod type names, symbols or dotted paths in messages', async () => {
    const r = await call('settings:update', { stamp: { widthMm: 500 }, council: { name: 5 }, fees: { rates: [{ from: '2026-01-01', a4: 0.9, a3: 0.3, restricted: 0.4, scan: 0.1 }] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).not.toMatch(/number|string|<=|>=|council\.|fees\.|stamp\./);
    expect(r.error.message).toMatch(/Штамп: ширина, мм: Не більше 150/);
    expect(r.error.message).toMatch(/Найменування розпорядника: Неправильне значення: потрібен текст/);
    expect(r.error.message).toMatch(/Ставка за сторінку А4 \(рядок 1\): Ставка не може перевищувати 0.2 %/);
    const reg = await call('requests:register', { channel: 'post', requesterName: 'x'.repeat(600) });
    expect(reg.ok).toBe(false);
    if (!reg.ok) expect(reg.error.message).toMatch(/ПІБ \/ найменування запитувача: Задовгий текст: не більше 500 символів/);
  });
});
