/** The Appendix 4 forms, the receipt and the letters, read back with pdftotext and pdffonts. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { makeDocument } from '../../src/main/services/documents';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { updateSettings } from '../../src/main/services/settings';
import { REFUSAL_GROUND_TEXT } from '../../src/shared/wording';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';
import { fonts, kalushSettings, pageCount, readQr, shoot, text, words } from './documents.helpers';
import { execFileSync } from 'node:child_process';
import QRCode from 'qrcode';
import { failure } from '../helpers/failure';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:30:00+02:00');
  kalushSettings(t.db);
});
afterEach(() => t.close());

const make = async (input: Record<string, unknown>) => {
  const r = await makeDocument(t.db, { out: join(t.dir, `${input.kind as string}.pdf`), ...input });
  shoot(r.path);
  expect(fonts(r.path).every((f) => f.embedded)).toBe(true);
  return r;
};
const act = (index: string, action: string, input?: unknown) => actOnRequest(t.db, { index, action, input, confirmed: true });
const pdfImages = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;

/** Every line of the seed's form (Kalush order No. 180-р, Appendix 4), word for word. */
const SEED_FORM = [
  'Розпорядник інформації',
  'ЗАПИТ на отримання публічної інформації',
  'Вид, назва, реквізити, зміст документа, що запитується',
  'або',
  'Загальний опис інформації, що запитується',
  'Прошу надати відповідь у визначений законом термін. Відповідь надати:',
  'Поштою',
  '(вказати поштову адресу)',
  'Факсом',
  '(вказати номер факсу)',
  'Електронною поштою',
  '(вказати е-mail)',
  'Необхідне підкреслити',
  'Контактний телефон запитувача',
  'Дата запиту, підпис',
  'Зареєстровано',
];

const SEED_NOTES = [
  'Примітки:',
  '2. Запит може бути поданий:',
  'на поштову адресу - Виконавчий комітет Калуської міської ради вул. Франка, 1, м. Калуш, 77300;',
  'на електронну адресу - orgkmvk@ukr.net',
  'телефаксом - (03472) 7-00-15',
  'за телефоном - (03472) 2-18-09',
  '4. У запиті необхідно зазначити спосіб отримання інформації',
  "5. Відповідь на запит на інформацію надається у спосіб, обраний запитувачем, протягом п'яти робочих днів з дня надходження запиту.",
  '8. Інформація на запит надається безоплатно.',
  '10. У задоволенні запиту може бути відмовлено у таких випадках:',
  "3) запитувач не оплатив фактичні витрати, пов'язані з копіюванням або друком документів, відповідно до пункту 9 цих приміток;",
  'підпис і дату (за умови подання письмового запиту).',
];

describe('Appendix 4 forms', () => {
  it('prints the blank form for natural persons with every line of the seed and the notes with the council contacts', async () => {
    const r = await make({ kind: 'form_natural' });
    expect(pageCount(r.path)).toBe(2);
    const p1 = text(r.path, 1);
    for (const phrase of SEED_FORM) expect(p1, phrase).toContain(phrase);
    expect(p1).toContain('Форма для подання запиту на отримання публічної інформації від фізичної особи в письмовому вигляді');
    expect(p1).toContain("Прізвище, ім'я та по батькові, поштова адреса, адреса електронної пошти, номер телефону запитувача");
    expect(p1).toContain('Виконавчий комітет Калуської міської ради вул. Франка, 1, м. Калуш, 77300');
    const p2 = text(r.path, 2);
    for (const phrase of SEED_NOTES) expect(p2, phrase).toContain(phrase);
    for (let n = 1; n <= 10; n++) expect(p2).toContain(` ${n}. `.trimStart());
    // Note 1 word for word as the seed has it, the holder in the genitive.
    expect(p2).toContain(
      '1. Система обліку, що містить інформацію про документи, які перебувають у володінні Калуської міської ради і її виконавчого комітету розміщена на веб-сайті Калуської міської ради www.kalushcity.if.ua',
    );
    expect(p2).not.toContain('Калуш,1');
  });

  it('prints the form for legal persons and associations with its own title', async () => {
    const r = await make({ kind: 'form_legal' });
    const p1 = text(r.path, 1);
    expect(p1).toContain('від юридичної особи в письмовому вигляді');
    expect(p1).toContain("Найменування юридичної особи (об'єднання громадян без статусу юридичної особи)");
    for (const phrase of SEED_FORM) expect(p1, phrase).toContain(phrase);
    // An association without legal status is not «від юридичної особи».
    const { index } = registerRequest(t.db, sampleRequest({ requesterType: 'association', requesterName: 'Громадська ініціатива «Чисте місто»', replyBy: 'fax' }));
    const a = text((await make({ kind: 'form_legal', index })).path, 1);
    expect(a).toContain("від об'єднання громадян без статусу юридичної особи в письмовому вигляді");
    expect(a).not.toContain('від юридичної особи');
    // Without a fax number «Факсом» is underlined but never filled with the phone.
    expect(a).not.toMatch(/Факсом \+380/);
  });

  it('fills «Факсом» with the requester\'s fax and «Дата запиту, підпис» with the date written on the request', async () => {
    const { index } = registerRequest(
      t.db,
      sampleRequest({ requesterType: 'legal', requesterName: 'ТОВ «Калуш-Буд»', channel: 'fax', replyBy: 'fax', fax: '(03472) 7-11-22', requestDate: '2026-11-19', signed: true }),
    );
    const p1 = text((await make({ kind: 'form_legal', index })).path, 1);
    expect(p1).toContain('Факсом (03472) 7-11-22');
    expect(p1).not.toMatch(/Факсом \+380/);
    // The request's own date (19.11), not the day it arrived (23.11).
    expect(p1).toContain('Дата запиту, підпис 19.11.2026, підписано');
    expect(p1).toContain(`Зареєстровано вх. № ${index} від 23.11.2026`);
    // A request with no date typed gets none, rather than the day of receipt passed off as its date.
    const plain = registerRequest(t.db, sampleRequest({ signed: true })).index;
    expect(text((await make({ kind: 'form_natural', index: plain })).path, 1)).toContain('Дата запиту, підпис підписано');
    // A date after the receipt is a typing mistake: refused, no number given.
    expect(() => registerRequest(t.db, sampleRequest({ requestDate: '2026-11-24' }))).toThrow(/Дата на запиті \(24\.11\.2026\) пізніша за дату надходження \(23\.11\.2026\)/);
  });

  it('fills the form from a registered request, and says when an official wrote it down (Appendix 3 item 7)', async () => {
    const { index } = registerRequest(
      t.db,
      sampleRequest({ channel: 'in_person', replyBy: 'email', email: 'petrenko@example.com', filledByOfficial: { name: 'Коваль Олена Миколаївна', phone: '(03472) 2-18-09' } }),
    );
    const r = await make({ kind: 'form_natural', index });
    const p1 = text(r.path, 1);
    expect(p1).toContain('Петренко Петро Петрович, вул. Шевченка, 10, м. Калуш, 77300, petrenko@example.com, +380 67 123 45 67');
    expect(p1).toContain('Копія протоколу засідання виконавчого комітету від 12.11.2026');
    expect(p1).toContain('Електронною поштою petrenko@example.com');
    expect(p1).toContain('Запит оформлено посадовою особою');
    expect(p1).toContain('Коваль Олена Миколаївна, контактний телефон (03472) 2-18-09');
    expect(p1).toContain(`Зареєстровано вх. № ${index} від 23.11.2026`);
    // A filled form is not issued to anyone: nothing in the history.
    expect(getRequest(t.db, { index }).events).toHaveLength(1);
  });

  it('prints a blank form without a register, with the default holder', async () => {
    const r = await makeDocument(null, { kind: 'form_natural', out: join(t.dir, 'no-db.pdf') });
    shoot(r.path);
    expect(text(r.path, 1)).toContain('Виконавчий комітет міської ради');
    // Note 2 is complete: each way to submit is named, with a blank where the council's contact goes.
    const notes = text(r.path, 2);
    expect(notes).toMatch(/2\. Запит може бути поданий: на поштову адресу - Виконавчий комітет міської ради _+; на електронну адресу - _+ телефаксом - _+ за телефоном - _+ 3\./);
    const e = await failure(makeDocument(null, { kind: 'receipt', index: '1', out: join(t.dir, 'x.pdf') }));
    expect(e.kind).toBe('invalid_input');
  });
});

describe('receipt', () => {
  it('gives the index, the moment of receipt, the 5-working-day deadline, the way of answer and the contacts', async () => {
    const { index } = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-23T10:15:00+02:00' }));
    const r = await make({ kind: 'receipt', index });
    const txt = text(r.path);
    expect(txt).toContain('РОЗПИСКА про прийняття запиту на публічну інформацію');
    expect(txt).toContain(`Вхідний номер: ${index}`);
    expect(txt).toContain('Дата і час надходження: 23.11.2026 о 10:15');
    expect(txt).toContain('Відповідь буде надано: не пізніше 30.11.2026 (5 робочих днів');
    expect(txt).toContain('Спосіб отримання відповіді: поштою: вул. Шевченка, 10, м. Калуш, 77300');
    expect(txt).toContain('тел. (03472) 2-18-09, e-mail orgkmvk@ukr.net, www.kalushcity.if.ua');
    expect(txt).toContain('Строк може бути продовжено до 20 робочих днів');
    // Signed by who received it: the clerk from Settings, not the responsible person, not a login name.
    expect(txt).toContain('Запит прийняв(ла): головний спеціаліст загального відділу');
    expect(txt).toContain('Ірина МЕЛЬНИК');
    expect(txt).not.toContain('БАБІЙ');
    expect(txt).not.toContain('test-clerk');
    // The code a phone reads: holder's ЄДРПОУ, the index and the date of receipt.
    expect(readQr(r.path)).toBe(`RD1|04054346|${index}|2026-11-23`);
  });

  it('an urgent receipt has no 20-day note; an official who wrote the request down signs it (Appendix 3 item 7)', async () => {
    const { index } = registerRequest(
      t.db,
      sampleRequest({ urgent: true, urgentReason: 'Аварія', filledByOfficial: { name: 'Коваль Олена Миколаївна', phone: '(03472) 2-18-09' } }),
    );
    const txt = text((await make({ kind: 'receipt', index })).path);
    expect(txt).toContain('48 годин');
    expect(txt).not.toContain('20 робочих днів');
    expect(txt).toContain('Запит записав(ла) і прийняв(ла)');
    expect(txt).toContain('Олена КОВАЛЬ');
    updateSettings(t.db, { council: { clerkName: '', clerkPosition: '' } });
    const other = registerRequest(t.db, sampleRequest());
    const blank = text((await make({ kind: 'receipt', index: other.index })).path);
    expect(blank).toMatch(/Запит прийняв\(ла\) _+/);
  });

  it('the executor mark in the lower left when the request has an executor; the emblem from Settings', async () => {
    const { index } = registerRequest(t.db, sampleRequest({ requesterName: 'Сидоренко Олег Миколайович' }));
    act(index, 'assign', { executor: 'Коваль Оксана Миколаївна' });
    act(index, 'extend', { reason: 'Великий обсяг інформації' });
    const emblem = join(t.dir, 'emblem.png');
    // Any PNG stands in for the emblem; a QR code is one the project can draw.
    await QRCode.toFile(emblem, 'герб', { width: 120 });
    updateSettings(t.db, { council: { emblemPath: emblem } });
    const r = await make({ kind: 'letter_extension', index });
    const txt = text(r.path);
    expect(txt).toContain('Сидоренку Олегу Миколайовичу');
    expect(txt).toContain('стосується надання великого обсягу інформації.');
    const page = words(r.path);
    const mark = page.words.find((w) => w.text === 'КОВАЛЬ')!;
    expect(page.words.find((w) => w.text === '2-21-45')).toBeDefined();
    expect(mark.xMin).toBeLessThan(page.width / 3);
    expect(mark.yMin).toBeGreaterThan(page.height * 0.85);
    // The emblem is drawn above the letterhead: the top band of the page is no longer blank.
    expect(pdfImages(r.path)).toBeGreaterThanOrEqual(1);
  });

  it('the executor mark carries the executor\'s own phone from the assignment, and a new executor without one does not inherit it', async () => {
    const { index } = registerRequest(t.db, sampleRequest({ requesterName: 'Сидоренко Олег Миколайович' }));
    act(index, 'assign', { executor: 'Коваль Оксана Миколаївна', phone: '(03472) 6-33-44' });
    expect(getRequest(t.db, { index }).events.at(-1)).toMatchObject({ type: 'assigned', payload: { phone: '(03472) 6-33-44' } });
    act(index, 'extend', { reason: 'Великий обсяг інформації' });
    const own = text((await make({ kind: 'letter_extension', index })).path);
    expect(own).toContain('Оксана КОВАЛЬ (03472) 6-33-44');
    expect(own).not.toContain('2-21-45');
    // Reassigned without a phone: the department's phone from Settings, not the previous executor's.
    act(index, 'assign', { executor: 'Мельник Ірина Петрівна' });
    const other = text((await make({ kind: 'letter_extension', index })).path);
    expect(other).toContain('Ірина МЕЛЬНИК (03472) 2-21-45');
    expect(other).not.toContain('6-33-44');
  });

  it('gives the 48-hour moment for an urgent request', async () => {
    const { index } = registerRequest(t.db, sampleRequest({ urgent: true, urgentReason: 'Аварія на водогоні', receivedAt: '2026-11-23T10:15:00+02:00' }));
    const txt = text((await make({ kind: 'receipt', index })).path);
    expect(txt).toContain('не пізніше 10:15 25.11.2026 (48 годин з моменту надходження запиту');
    expect(txt).toContain('Терміновий запит: Аварія на водогоні');
  });
});

describe('letters', () => {
  it('extension notice: the reason and the new date, with the outgoing number recorded', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    const early = await failure(makeDocument(t.db, { kind: 'letter_extension', index, out: join(t.dir, 'early.pdf') }));
    expect(early.kind).toBe('not_allowed');
    expect(existsSync(join(t.dir, 'early.pdf'))).toBe(false);
    act(index, 'extend', { reason: 'Пошук інформації серед значної кількості даних архіву' });
    const r = await make({ kind: 'letter_extension', index, outgoingIndex: '01-15/777' });
    const txt = text(r.path);
    expect(txt).toContain('КАЛУСЬКА МІСЬКА РАДА ВИКОНАВЧИЙ КОМІТЕТ КАЛУСЬКОЇ МІСЬКОЇ РАДИ');
    expect(txt).toContain('факс (03472) 7-00-15, e-mail: orgkmvk@ukr.net, www.kalushcity.if.ua Код ЄДРПОУ 04054346');
    expect(txt).toContain('23.11.2026 № 01-15/777');
    // The addressee, a natural person, in the dative (ДСТУ 4163:2020).
    expect(txt).toContain('Петренку Петру Петровичу вул. Шевченка, 10');
    // The one reason the clerk gave, not the law's «або» formula.
    expect(txt).toContain(`Ваш запит на інформацію від 23.11.2026 (вх. № ${index}) потребує пошуку інформації серед значної кількості даних.`);
    expect(txt).not.toContain('великого обсягу');
    // A non-breaking space keeps «№» on the line of its number.
    const w = words(r.path).words;
    expect(w.find((x) => x.text.startsWith('01-15/777'))!.yMin).toBe(w.find((x) => x.text === '№')!.yMin);
    expect(txt).toContain(`На запит на інформацію від 23.11.2026 (вх. № ${index})`);
    expect(txt).toContain('Про продовження строку розгляду запиту на інформацію');
    expect(txt).toContain('строк розгляду запиту продовжено до 20 робочих днів з дня надходження запиту. Відповідь буде надано не пізніше 21.12.2026.');
    expect(txt).toContain('Обґрунтування продовження строку: Пошук інформації серед значної кількості даних архіву');
    expect(txt).toContain('Керуючий справами виконкому');
    const last = getRequest(t.db, { index }).events.at(-1)!;
    expect(last).toMatchObject({ type: 'document_issued', payload: { kind: 'letter_extension', outgoingIndex: '01-15/777' } });
    expect(last.at.slice(0, 10)).toBe('2026-11-23');
  });

  it('refusal: the ground in the law\'s words, the explanation and how to appeal', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    act(index, 'refuse', { ground: 1, explanation: 'Інформація належить до відання обласної ради' });
    const txt = text((await make({ kind: 'letter_refusal', index })).path);
    expect(txt).toContain('відповідно до пункту 1 частини першої статті 22 Закону України «Про доступ до публічної інформації» у задоволенні запиту відмовлено');
    expect(txt).toContain(REFUSAL_GROUND_TEXT[1]);
    expect(txt).toContain('Мотивування відмови: Інформація належить до відання обласної ради');
    expect(txt).toContain('можуть бути оскаржені до керівника розпорядника, вищого органу або суду');
    expect(txt).toContain('Наталія БАБІЙ');
    // Art. 22 part 4: the responsible official's full name and position.
    expect(txt).toContain('Відповідальна особа за розгляд запиту: Керуючий справами виконкому Бабій Наталія Іванівна.');
    // No executor, no executor mark.
    expect(txt).not.toContain('2-21-45');
  });

  it('redirect: the covering letter to the holder and the notice to the requester', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    act(index, 'redirect', { holder: 'Івано-Франківська обласна рада', holderAddress: 'вул. Грушевського, 21, м. Івано-Франківськ, 76004' });
    const cover = text((await make({ kind: 'letter_redirect', index, requestSheets: 3 })).path);
    expect(cover).toContain('Додаток: копія запиту на 3 арк.');
    // pdftotext joins a word hyphenated at a line end («Івано-» / «Франківськ»), so the address is checked in parts.
    expect(cover).toContain('Івано-Франківська обласна рада вул. Грушевського, 21, м. Івано');
    expect(cover).toContain('Франківськ, 76004');
    expect(cover).toContain('частини третьої статті 22');
    expect(cover).toContain('направляємо Вам за належністю запит на інформацію від 23.11.2026');
    expect(cover).toContain('Петренко Петро Петрович');
    const notice = text((await make({ kind: 'letter_redirect_notice', index })).path);
    expect(notice).toContain('Петренку Петру Петровичу вул. Шевченка, 10, м. Калуш, 77300');
    expect(notice).toContain('Ваш запит направлено належному розпоряднику: Івано-Франківська обласна рада, вул. Грушевського, 21');
  });

  it('cost notice: pages, rate of the subsistence minimum, sum and payment details', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    const view = act(index, 'cost_notice', { pages: 40, format: 'A4' });
    // 0.2 % × 3 328 UAH (2026) = 6.656 → 6.66 UAH a page; × 40 = 266.40 UAH.
    expect(view.state.cost?.amount).toBe(266.4);
    const txt = text((await make({ kind: 'letter_cost', index })).path);
    expect(txt).toContain('документах обсягом 40 сторінок, тобто більш як 10 сторінок');
    expect(txt).toContain('від 13 липня 2011 р. № 740 (у редакції постанови Кабінету Міністрів України від 15 січня 2020 р. № 4)');
    // The holder's own decision and the cap it stays within.
    expect(txt).toContain('та рішення розпорядника інформації від 14.01.2020 № 15, прийнятого в межах граничних норм');
    expect(txt).toContain('не більше 0,2 % розміру прожиткового мінімуму для працездатних осіб за сторінку');
    expect(txt).toContain('оплачуються всі сторінки, якщо їх більш як 10');
    expect(txt).toContain('0,2 % розміру прожиткового мінімуму для працездатних осіб (3 328,00 грн), округлено до копійки: 6,66 грн');
    expect(txt).toContain('Сума до сплати: 40 × 6,66 грн = 266,40 грн');
    expect(txt).toContain('IBAN: UA213223130000026007233566001');
    expect(txt).toContain('Код ЄДРПОУ: 04054346');
    expect(txt).toContain(`запит вх. № ${index} від 23.11.2026`);
    expect(txt).toContain('протягом трьох робочих днів після підтвердження оплати');
  });

  it('refuses a letter without the responsible person or the payment details, leaving no file', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    act(index, 'cost_notice', { pages: 12, format: 'A3' });
    updateSettings(t.db, { payment: { iban: '' } });
    const noIban = await failure(makeDocument(t.db, { kind: 'letter_cost', index, out: join(t.dir, 'cost.pdf') }));
    expect(noIban.message).toMatch(/реквізити для оплати/);
    updateSettings(t.db, { council: { responsiblePerson: '' } });
    act(index, 'payment_received', { date: '2026-11-23' });
    act(index, 'refuse', { ground: 2, explanation: 'Службова інформація' });
    const noSigner = await failure(makeDocument(t.db, { kind: 'letter_refusal', index, out: join(t.dir, 'refusal.pdf') }));
    expect(noSigner.kind).toBe('invalid_input');
    expect(noSigner.message).toMatch(/відповідальної особи/);
    expect(existsSync(join(t.dir, 'cost.pdf')) || existsSync(join(t.dir, 'refusal.pdf'))).toBe(false);
  });

  it('outgoing numbers are unique within a year, with a clear refusal and no file written', async () => {
    const a = registerRequest(t.db, sampleRequest());
    const b = registerRequest(t.db, sampleRequest());
    act(a.index, 'refuse', { ground: 1, explanation: 'Не володіємо' });
    act(b.index, 'refuse', { ground: 1, explanation: 'Не володіємо' });
    await make({ kind: 'letter_refusal', index: a.index, outgoingIndex: '01-15/307' });
    // The same letter printed again keeps its number.
    await make({ kind: 'letter_refusal', index: a.index, outgoingIndex: '01-15/307' });
    const dup = await failure(makeDocument(t.db, { kind: 'letter_refusal', index: b.index, outgoingIndex: '01-15/307', out: join(t.dir, 'dup.pdf') }));
    expect(dup.kind).toBe('conflict');
    expect(dup.message).toBe(`Вихідний № 01-15/307 у 2026 році вже надано: «Відмова в задоволенні запиту» на запит вх. № ${a.index}. Номер вихідного документа в межах року не повторюється — вкажіть інший.`);
    expect(existsSync(join(t.dir, 'dup.pdf'))).toBe(false);
    const c = registerRequest(t.db, sampleRequest());
    expect(() => act(c.index, 'answer', { outgoingIndex: '01-15/307' })).toThrow(/вже надано/);
    expect(act(c.index, 'answer', { outgoingIndex: '01-15/308' }).status).toBe('answered');
  });

  it('the cost notice needs the holder\'s decision and says whether the first 10 pages are free', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    updateSettings(t.db, { fees: { chargeAllPages: false } });
    act(index, 'cost_notice', { pages: 40, format: 'A4' });
    const txt = text((await make({ kind: 'letter_cost', index })).path);
    expect(txt).toContain('перші 10 сторінок надаються безоплатно, оплачуються лише сторінки понад 10');
    expect(txt).toContain('Сума до сплати: 30 × 6,66 грн = 199,80 грн');
    updateSettings(t.db, { fees: { rates: [{ from: '2020-01-15', a4: 0.2, a3: 0.3, restricted: 0.4, scan: 0.1 }] } });
    const e = await failure(makeDocument(t.db, { kind: 'letter_cost', index, out: join(t.dir, 'nodecision.pdf') }));
    expect(e.message).toMatch(/номер і дату рішення розпорядника/);
  });
});
