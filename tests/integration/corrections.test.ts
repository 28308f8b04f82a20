/** Corrections with a trace: a typo fixed after the fact, the old value and the reason kept (issue 10). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { exportJournal } from '../../src/main/services/journal';
import { getRequest, listRequests } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { failure } from '../helpers/failure';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const correct = (index: string, input: unknown) => actOnRequest(t.db, { index, action: 'correct', input });

describe('the correct action', () => {
  it('fixes a field, keeps the old value and the reason in the history, and the search finds the new text and the old', () => {
    const { index } = registerRequest(t.db, sampleRequest({ requesterName: 'Петренко Петро Петрович' }));
    const v = correct(index, { changes: { requesterName: 'Петренко Павло Петрович', postalAddress: 'вул. Шевченка, 12, м. Калуш, 77300' }, reason: 'описка в імені' });
    expect(v.requesterName).toBe('Петренко Павло Петрович');
    expect(v.postalAddress).toBe('вул. Шевченка, 12, м. Калуш, 77300');
    expect(v.index).toBe(index);
    const ev = v.events.at(-1)!;
    expect(ev.type).toBe('corrected');
    expect(ev.payload).toEqual({
      changes: { requesterName: 'Петренко Павло Петрович', postalAddress: 'вул. Шевченка, 12, м. Калуш, 77300' },
      previous: { requesterName: 'Петренко Петро Петрович', postalAddress: 'вул. Шевченка, 10, м. Калуш, 77300' },
      reason: 'описка в імені',
    });
    expect(v.state.notes.join(' ')).toContain('«Петренко Петро Петрович» → «Петренко Павло Петрович»');
    expect(listRequests(t.db, { search: 'Павло' }).map((r) => r.index)).toEqual([index]);
    // The old spelling still finds it, through the correction's note: a visitor may quote the old copy.
    expect(listRequests(t.db, { search: 'Петро' }).map((r) => r.index)).toEqual([index]);
    expect(listRequests(t.db, { search: 'Павло' })[0]!.requesterName).toBe('Петренко Павло Петрович');
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, findings: [] });
  });

  it('never edits the incoming index or the moment of receipt, and refuses a correction that changes nothing', async () => {
    const { index, receivedAt } = registerRequest(t.db, sampleRequest());
    for (const key of ['index', 'receivedAt']) {
      const e = await failure(() => correct(index, { changes: { [key]: 'З-999' }, reason: 'спроба' }));
      expect(e.kind).toBe('invalid_input');
      expect(e.message).toMatch(/змінити не можна/);
    }
    expect((await failure(() => correct(index, { changes: { phone: '+380 67 123 45 67' }, reason: 'те саме' }))).message).toMatch(/Нічого не змінено/);
    expect((await failure(() => correct(index, { changes: { description: 'Інше' }, reason: '' }))).message).toMatch(/причину виправлення/);
    const v = getRequest(t.db, { index });
    expect(v.receivedAt).toBe(receivedAt);
    expect(v.events.map((e) => e.type)).toEqual(['registered']);
  });

  it('a correction to urgency recomputes the term and asks for the reason; a voided request is not corrected', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    expect((await failure(() => correct(index, { changes: { urgent: true }, reason: 'терміновий' }))).message).toMatch(/обґрунтування терміновості/);
    const v = correct(index, { changes: { urgent: true, urgentReason: 'загроза життю' }, reason: 'помилково не позначено' });
    expect(v.urgent).toBe(true);
    expect(v.dueAt).toBe('2026-11-25T10:00:00+02:00');
    const back = correct(index, { changes: { urgent: false }, reason: 'не терміновий' });
    expect(back.urgentReason).toBe('');
    expect(back.dueAt).toBeUndefined();
    actOnRequest(t.db, { index, action: 'void', input: { reason: 'дубль' } });
    expect((await failure(() => correct(index, { changes: { phone: '1' }, reason: 'x' }))).kind).toBe('not_allowed');
  });

  it('the journal shows the corrected data and the correction with its old value', async () => {
    const { index } = registerRequest(t.db, sampleRequest({ requesterName: 'Сидоренко Олег' }));
    correct(index, { changes: { requesterName: 'Сидоренко Олег Миколайович' }, reason: 'неповне ПІБ' });
    const out = join(t.dir, 'journal.csv');
    await exportJournal(t.db, { month: '2026-11', format: 'csv', out });
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('Сидоренко Олег Миколайович');
    expect(csv).toContain('Виправлено: ПІБ / найменування запитувача «Сидоренко Олег» → «Сидоренко Олег Миколайович» (неповне ПІБ)');
  });

  it('the CLI corrects through act --action correct and refuses the index with exit 2', async () => {
    const { index } = registerRequest(t.db, sampleRequest());
    t.db.sqlite.close();
    const ok = await cli(['act', '--db', t.file, '--index', index, '--action', 'correct', '--input', '-', '--json'], JSON.stringify({ changes: { postalAddress: 'вул. Шевченка, 12' }, reason: 'описка' }));
    expect(ok.code).toBe(0);
    expect(ok.json().postalAddress).toBe('вул. Шевченка, 12');
    const bad = await cli(['act', '--db', t.file, '--index', index, '--action', 'correct', '--input', '-', '--json'], JSON.stringify({ changes: { index: 'З-7' }, reason: 'x' }));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/змінити не можна/);
  });
});
