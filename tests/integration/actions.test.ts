import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { getRequest, todayPanel } from '../../src/main/services/queries';
import { journalRows } from '../../src/main/services/journal';
import { getReport } from '../../src/main/services/reports';
import { registerRequest } from '../../src/main/services/registration';
import { AppError } from '../../src/shared/errors';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const act = (index: string, action: string, input?: unknown) => actOnRequest(t.db, { index, action, input });
const rejection = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
};

describe('lifecycle actions', () => {
  it('assigns, extends to 20 working days and answers, recording each event', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    expect(act(index, 'assign', { executor: 'Коваль О. М.', unit: 'відділ архітектури' }).status).toBe('in_progress');
    const ext = act(index, 'extend', { reason: 'Великий обсяг інформації' });
    expect(ext.status).toBe('extended');
    // 20 working days after Mon 23 Nov 2026: 21 Dec 2026.
    expect(ext.dueDate).toBe('2026-12-21');
    expect(ext.state.extensionLate).toBe(false);
    const done = act(index, 'answer', { outgoingIndex: '01-15/777', date: '2026-11-23', sentBy: 'post' });
    expect(done.status).toBe('answered');
    expect(done.dueDate).toBeNull();
    expect(done.state.answeredLate).toBe(false);
    expect(done.events.map((e) => e.type)).toEqual(['registered', 'assigned', 'extended', 'answered']);
    expect(done.events.every((e) => e.user === 'test-clerk')).toBe(true);
  });

  it('rejects transitions the state does not allow, with the reason, and records nothing', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    act(index, 'extend', { reason: 'Пошук серед значної кількості даних' });
    expect(rejection(() => act(index, 'extend', { reason: 'ще раз' })).message).toMatch(/вже продовжено/);
    expect(rejection(() => act(index, 'payment_received', { date: '2026-11-23' })).message).toMatch(/оплату не очікували/);
    expect(rejection(() => act(index, 'refuse', { ground: 3, explanation: 'не оплачено' })).kind).toBe('not_allowed');
    act(index, 'refuse', { ground: 1, explanation: 'Інформація належить обласній раді' });
    const closed = rejection(() => act(index, 'answer', {}));
    expect(closed.kind).toBe('not_allowed');
    expect(closed.message).toMatch(/відмовлено/);
    expect(getRequest(t.db, { index }).events).toHaveLength(3);
    // A note and voiding are still possible on a closed request.
    expect(act(index, 'note', { text: 'Копію відмови вручено особисто' }).state.notes).toHaveLength(1);
  });

  it('stops the term while waiting for payment and gives 3 working days after it', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    expect(rejection(() => act(index, 'cost_notice', { pages: 10, format: 'A4' })).message).toMatch(/понад 10 сторінок/);
    const waiting = act(index, 'cost_notice', { pages: 40, format: 'A4' });
    expect(waiting.status).toBe('awaiting_payment');
    expect(waiting.dueDate).toBeNull();
    expect(rejection(() => act(index, 'answer', {})).message).toMatch(/після підтвердження оплати/);
    t.setNow('2026-11-26T12:00:00+02:00');
    const paid = act(index, 'payment_received', { date: '2026-11-26' });
    // Thu 26 Nov → Fri 27, Mon 30, Tue 1 Dec.
    expect(paid.dueDate).toBe('2026-12-01');
    expect(paid.status).toBe('registered');
  });

  it('refuses for unpaid costs only while payment is awaited', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    act(index, 'cost_notice', { pages: 25, format: 'A3' });
    // Not the same day: the requester must have had the chance to pay (that is warned about, see below).
    t.setNow('2026-12-07T10:00:00+02:00');
    const r = act(index, 'refuse', { ground: 3, explanation: 'Витрати не відшкодовано' });
    expect(r.status).toBe('refused');
    expect(r.state.refusal?.ground).toBe(3);
  });

  it('voids a request but keeps its number in the register', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    registerRequest(t.db, sampleRequest());
    const v = act(index, 'void', { reason: 'Зареєстровано помилково двічі' });
    expect(v.status).toBe('void');
    expect(v.index).toBe('З-1');
    expect(rejection(() => act(index, 'void', { reason: 'ще' })).message).toMatch(/анульовано/);
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-3');
  });

  it('rejects unknown actions, bad action input, dates before receipt and unknown indexes', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    expect(rejection(() => act(index, 'fly', {})).kind).toBe('invalid_input');
    expect(rejection(() => act(index, 'refuse', { ground: 5, explanation: 'x' })).kind).toBe('invalid_input');
    expect(rejection(() => act(index, 'answer', { date: '2026-11-01' })).message).toMatch(/раніша/);
    expect(rejection(() => act(index, 'answer', { date: '2026-12-31' })).message).toMatch(/не настала/);
    expect(rejection(() => act('З-999', 'note', { text: 'x' })).kind).toBe('not_found');
  });

  it('finds a request by its bare number, preferring the current year', () => {
    registerRequest(t.db, sampleRequest({ receivedAt: '2025-03-03T10:00:00+02:00' }));
    registerRequest(t.db, sampleRequest());
    expect(getRequest(t.db, { index: '1' }).year).toBe(2026);
  });

  it('marks an answer after the term as late and shows overdue requests on the today panel', () => {
    const old = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-09T10:00:00+02:00' }));
    const fresh = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-19T10:00:00+02:00' }));
    registerRequest(t.db, sampleRequest());
    const panel = todayPanel(t.db);
    expect(panel.overdue.map((r) => r.index)).toEqual([old.index]);
    // 19 Nov (Thu) → due 26 Nov (Thu): within 2 working days of Mon 23 Nov? 24, 25 → no; it is 3 days ahead.
    expect(panel.dueSoon.map((r) => r.index)).toEqual([]);
    t.setNow('2026-11-24T09:00:00+02:00');
    expect(todayPanel(t.db).dueSoon.map((r) => r.index)).toEqual([fresh.index]);
    t.setNow('2026-11-26T09:00:00+02:00');
    expect(todayPanel(t.db).dueToday.map((r) => r.index)).toEqual([fresh.index]);
    const late = act(old.index, 'answer', { date: '2026-11-26' });
    expect(late.state.answeredLate).toBe(true);
  });

  it('judges an urgent answer on its own date and time, not on when it was typed in (З-3)', () => {
    const urgent = { urgent: true, urgentReason: 'Загроза життю: аварійний стан будинку' };
    const z3 = registerRequest(t.db, sampleRequest({ ...urgent, receivedAt: '2026-11-04T16:40:00+02:00' }));
    const done = act(z3.index, 'answer', { date: '2026-11-05', outgoingIndex: '01-15/300' });
    expect(done.state.answeredLate).toBe(false);
    expect(journalRows(t.db, '2026-11-01', '2026-11-30')[0]!.result).not.toMatch(/порушенням/);
    expect(getReport(t.db, { from: '2026-11-01', to: '2026-11-30' }).totals.answeredLate).toBe(0);

    const sent = (time: string) => {
      const r = registerRequest(t.db, sampleRequest({ ...urgent, receivedAt: '2026-11-04T16:40:00+02:00' }));
      return act(r.index, 'answer', { date: `2026-11-06T${time}:00+02:00` });
    };
    const inTime = sent('16:39');
    expect(inTime.state.answeredLate).toBe(false);
    expect(inTime.state.answer).toMatchObject({ date: '2026-11-06', at: '2026-11-06T16:39:00+02:00' });
    expect(sent('16:41').state.answeredLate).toBe(true);

    const r = registerRequest(t.db, sampleRequest({ ...urgent, receivedAt: '2026-11-20T12:00:00+02:00' }));
    expect(rejection(() => act(r.index, 'answer', { date: '2026-11-20T11:59:00+02:00' })).message).toMatch(/раніший/);
    expect(rejection(() => act(r.index, 'answer', { date: '2026-11-23T10:01:00+02:00' })).message).toMatch(/не настав/);
    expect(rejection(() => act(r.index, 'answer', { date: '2026-11-23T25:00' })).kind).toBe('invalid_input');
    // Without a date the answer goes out now, and now (Mon 23.11 10:00) is past its 48 hours.
    expect(act(r.index, 'answer', {}).state).toMatchObject({ answeredLate: true, answer: { date: '2026-11-23', at: '2026-11-23T10:00:00+02:00' } });
  });

  it('guards the notice terms: refused without confirmation, recorded as late with it, shown in journal and report', () => {
    // Received Mon 02.11.2026: the extension and cost notices were due on 09.11; today is 23.11.
    const { index } = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-02T10:00:00+02:00' }));
    const unconfirmed = rejection(() => act(index, 'extend', { reason: 'Великий обсяг інформації' }));
    expect(unconfirmed.kind).toBe('not_allowed');
    expect(unconfirmed.message).toMatch(/Потрібне підтвердження: Строк письмового повідомлення про продовження строку минув 09\.11\.2026/);
    expect(getRequest(t.db, { index }).events).toHaveLength(1);
    const v = actOnRequest(t.db, { index, action: 'extend', input: { reason: 'Великий обсяг інформації' }, confirmed: true });
    expect(v.state.extensionLate).toBe(true);
    expect(v.events.at(-1)!.payload).toMatchObject({ warnings: [{ code: 'extension_notice_late', dueDate: '2026-11-09' }] });
    expect(v.state.warnings.map((w) => w.code)).toEqual(['extension_notice_late']);

    const other = registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-02T11:00:00+02:00' }));
    const c = actOnRequest(t.db, { index: other.index, action: 'cost_notice', input: { pages: 40, format: 'A4' }, confirmed: true });
    expect(c.state.costNoticeLate).toBe(true);
    // Refusing for non-payment the same day as the notice is warned about too.
    expect(rejection(() => act(other.index, 'refuse', { ground: 3, explanation: 'Не оплачено' })).message).toMatch(/передчасна/);

    const rows = journalRows(t.db, '2026-11-01', '2026-11-30');
    expect(rows[0]!.note).toMatch(/повідомлення про продовження строку надіслано пізно/);
    expect(rows[1]!.note).toMatch(/повідомлення про витрати надіслано пізно/);
    expect(getReport(t.db, { from: '2026-11-01', to: '2026-11-30' }).totals.noticeLate).toBe(2);

    // In time: no question asked.
    const fresh = registerRequest(t.db, sampleRequest());
    expect(act(fresh.index, 'extend', { reason: 'Великий обсяг інформації' }).state.warnings).toEqual([]);
  });
});
