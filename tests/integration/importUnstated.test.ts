/**
 * Issue 10: an imported journal that does not state a request's form, the way the answer goes back,
 * its signature or the date of a refusal, redirect or «без розгляду» leaves them unknown: the card's
 * data, the journals, the receipt, `show` and the terms say «не зазначено» — never «письмовий»,
 * «поштою», «відсутні» or the date of receipt. What the journal does state is kept. Real SQLite
 * files, real PDFs read back with poppler.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { makeDocument } from '../../src/main/services/documents';
import { previewImport, runImport } from '../../src/main/services/import';
import { exportJournal, journalDoc } from '../../src/main/services/journal';
import { getRequest } from '../../src/main/services/queries';
import { updateSettings } from '../../src/main/services/settings';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { pdfText } from '../helpers/readBack';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { UNKNOWN_JOURNAL, UNSTATED_JOURNAL } from '../helpers/unknownJournal';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-20T10:00:00+02:00');
  updateSettings(t.db, { council: { name: 'Виконавчий комітет Калуської міської ради' } });
});
afterEach(() => t.close());

const journalFile = () => {
  const file = join(t.dir, 'old.csv');
  writeFileSync(file, UNSTATED_JOURNAL);
  return file;
};

describe('form, reply way, signature and closing dates an imported journal does not state', () => {
  it('the preview names what is unknown and warns of a reply way it cannot read', async () => {
    const dry = await previewImport(t.db, { file: journalFile() });
    expect(dry).toMatchObject({ imported: 5, refused: 0, open: 1 });
    expect(Object.fromEntries(dry.preview.map((p) => [p.index, p.unknown]))).toEqual({
      '11': ['час надходження', 'дата відповіді', 'форма запиту', 'спосіб отримання відповіді', 'підпис'],
      '12': ['час надходження', 'дата відповіді'],
      '13': ['час надходження', 'дата відповіді'],
      '14': ['час надходження'],
      '15': ['час надходження', 'спосіб отримання відповіді'],
    });
    expect(dry.warnings).toEqual([{ line: 6, index: '15', message: "спосіб отримання відповіді «кур'єром» не розпізнано" }]);
    // A dry run writes nothing.
    expect(t.db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get()).toBe(0);
  });

  it('keeps them unknown in the request, its state and `show`; keeps what the journal states', async () => {
    expect(await runImport(t.db, { file: journalFile() })).toMatchObject({ imported: 5, refused: 0 });
    const r11 = getRequest(t.db, { index: '11' });
    expect(r11).toMatchObject({ channel: 'in_person', form: null, replyBy: null, signed: null, complete: true, status: 'refused' });
    // Closed on a day not known: not the date of receipt, and not called late or on time.
    expect(r11.state).toMatchObject({ closedOn: null, answeredLate: false, refusal: { ground: 1, date: null } });
    const r12 = getRequest(t.db, { index: '12' });
    expect(r12).toMatchObject({ form: 'oral', replyBy: 'in_person', signed: false, complete: true, status: 'redirected' });
    expect(r12.state).toMatchObject({ closedOn: null, answeredLate: false });
    const r13 = getRequest(t.db, { index: '13' });
    // Stated unsigned: that is a missing part of Art. 19 part 5, unlike an unstated signature.
    expect(r13).toMatchObject({ form: 'written', replyBy: 'post', signed: false, complete: false, missing: ['signed'], status: 'not_considered' });
    expect(r13.state.closedOn).toBeNull();
    const r14 = getRequest(t.db, { index: '14' });
    expect(r14).toMatchObject({ channel: 'in_person', form: 'written', replyBy: 'email', signed: true, status: 'refused' });
    expect(r14.state.closedOn).toBe('2026-11-10');
    // The old journal gave the ground, not the reasoning: the card says so in a sentence of its own.
    expect(r14.state.refusal?.explanation).toBe('Обґрунтування в імпортованому журналі не наведено.');
    const r15 = getRequest(t.db, { index: '15' });
    expect(r15).toMatchObject({ channel: 'fax', form: 'written', replyBy: null, signed: true, status: 'registered' });

    // The projection's columns hold the unknown as unknown: a fresh read of the row, not the fold.
    const row = t.db.sqlite.prepare("SELECT form, reply_by, signed, signed_known FROM requests WHERE incoming_index = '11'").get();
    expect(row).toEqual({ form: '', reply_by: '', signed: 0, signed_known: 0 });

    const text = await cli(['show', '--db', t.file, '--index', '11']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Спосіб надходження: особистий прийом; форма: не зазначено');
    expect(text.out).toContain('Спосіб отримання відповіді: не зазначено');
    expect(text.out).toContain('Підпис і дата: не зазначено');
    expect(text.out).toContain('Розгляд завершено: дата не зазначено');
    // The history does not date the refusal by the receipt it was put beside.
    expect(text.out).toMatch(/дата не зазначено\s+Відмовлено в задоволенні запиту/);
    expect(text.out).not.toMatch(/05\.11\.2026\s+Відмовлено/);
    const json = (await cli(['show', '--db', t.file, '--index', '11', '--json'])).json() as Record<string, unknown>;
    expect(json).toMatchObject({ form: null, replyBy: null, signed: null });
    expect(verifyRegister(t.db).ok).toBe(true);
  });

  it('journals leave the result date empty and say it is not stated; the form cell says what is unknown', async () => {
    await runImport(t.db, { file: journalFile() });
    const rows = new Map(journalDoc(t.db, { month: '2026-11' }).rows.map((r) => [r.index, r]));
    expect(rows.get('11')).toMatchObject({ formChannel: 'форма: не зазначено, особистий прийом', resultDate: null });
    // The import note's list says it, once.
    expect(rows.get('11')!.note).toMatch(/у журналі не зазначено: .*дата відповіді/);
    expect(rows.get('11')!.note!.split('дата відповіді')).toHaveLength(2);
    expect(rows.get('12')).toMatchObject({ formChannel: 'усний, особистий прийом', resultDate: null });
    expect(rows.get('12')!.note).toMatch(/у журналі не зазначено: .*дата відповіді/);
    expect(rows.get('13')).toMatchObject({ resultDate: null });
    expect(rows.get('14')).toMatchObject({ formChannel: 'письмовий, особистий прийом', resultDate: '2026-11-10' });
    expect(rows.get('14')!.note).not.toContain('дата відповіді');
  });

  it('the receipt says the reply way is not stated; the filled-in form marks no way and no signature', async () => {
    await runImport(t.db, { file: journalFile() });
    const receipt = join(t.dir, 'receipt.pdf');
    await makeDocument(t.db, { kind: 'receipt', index: '11', out: receipt });
    const rc = pdfText(receipt).replace(/\s+/g, ' ');
    expect(rc).toContain('Спосіб отримання відповіді: не зазначено');
    expect(rc).not.toMatch(/Спосіб отримання відповіді: поштою/);
    const form = join(t.dir, 'form.pdf');
    await makeDocument(t.db, { kind: 'form_natural', index: '11', out: form });
    expect(pdfText(form)).not.toContain('підписано');
    const signedForm = join(t.dir, 'form14.pdf');
    await makeDocument(t.db, { kind: 'form_natural', index: '14', out: signedForm });
    expect(pdfText(signedForm)).toContain('підписано');
  });

  it('our own journal, exported with «не зазначено», imports back into another register with the same unknowns and no warnings', async () => {
    await runImport(t.db, { file: journalFile() });
    const other = join(t.dir, 'u.csv');
    writeFileSync(other, UNKNOWN_JOURNAL);
    await runImport(t.db, { file: other });
    const xlsx = join(t.dir, 'ours.xlsx');
    await exportJournal(t.db, { month: '2026-11', format: 'xlsx', out: xlsx });
    const second = openTempDb('2026-11-20T10:00:00+02:00');
    try {
      const r = await runImport(second.db, { file: xlsx });
      expect(r).toMatchObject({ imported: 8, refused: 0, warnings: [] });
      expect(getRequest(second.db, { index: '1' })).toMatchObject({ channel: null, form: null });
      expect(getRequest(second.db, { index: '11' })).toMatchObject({ channel: 'in_person', form: null });
      expect(getRequest(second.db, { index: '12' })).toMatchObject({ channel: 'in_person', form: 'oral' });
      expect(getRequest(second.db, { index: '14' }).state.closedOn).toBe('2026-11-10');
      expect(getRequest(second.db, { index: '11' }).state.closedOn).toBeNull();
    } finally {
      second.close();
    }
  });

  it('a clerk fills them in later by a correction, with the unknown kept in the history', async () => {
    await runImport(t.db, { file: journalFile() });
    // A correction of something else fills nothing in: the unknown is not the correction's to guess.
    actOnRequest(t.db, { index: '11', action: 'correct', input: { changes: { requesterName: 'Коваль Катерина Карлівна' }, reason: 'повне ПІБ' } });
    expect(getRequest(t.db, { index: '11' })).toMatchObject({ requesterName: 'Коваль Катерина Карлівна', channel: 'in_person', form: null, replyBy: null, signed: null });
    actOnRequest(t.db, { index: '11', action: 'correct', input: { changes: { form: 'written', replyBy: 'post', signed: true }, reason: 'знайдено оригінал запиту' } });
    const r = getRequest(t.db, { index: '11' });
    expect(r).toMatchObject({ form: 'written', replyBy: 'post', signed: true, complete: true });
    expect(r.state.notes.join('\n')).toContain('Форма запиту «не зазначено» → «письмовий»');
    expect(r.state.notes.join('\n')).toContain('Спосіб отримання відповіді «не зазначено» → «поштою»');
    // A correction stating the letter unsigned makes it incomplete, as at the desk.
    actOnRequest(t.db, { index: '11', action: 'correct', input: { changes: { signed: false }, reason: 'підпису немає' } });
    expect(getRequest(t.db, { index: '11' })).toMatchObject({ signed: false, complete: false, missing: ['signed'] });
    expect(verifyRegister(t.db).ok).toBe(true);
  });
});
