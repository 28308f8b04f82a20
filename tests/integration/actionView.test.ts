/**
 * An action answers with the view built from the fold it has just written (actions.ts), not read
 * back: after every kind of action it must equal what a fresh read of the request gives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const steps: [string, unknown][] = [
  ['assign', { executor: 'Коваль О. М.', unit: 'відділ архітектури' }],
  ['note', { text: 'Запитано документи в архіві' }],
  ['correct', { changes: { phone: '+380 50 111 22 33' }, reason: 'Описка під час реєстрації' }],
  ['extend', { reason: 'Великий обсяг інформації' }],
  ['cost_notice', { pages: 40, format: 'A4' }],
  ['payment_received', { date: '2026-11-23' }],
  ['answer', { outgoingIndex: '01-15/1', date: '2026-11-23', sentBy: 'post' }],
];

describe('the view an action answers with', () => {
  it('equals a fresh read after every action', () => {
    const { index } = registerRequest(t.db, sampleRequest());
    for (const [action, input] of steps) {
      const view = actOnRequest(t.db, { index, action, input, confirmed: true });
      expect(view, action).toEqual(getRequest(t.db, { index }));
    }
    const other = registerRequest(t.db, sampleRequest());
    for (const [action, input] of [['refuse', { ground: 1, explanation: 'Розпорядник не володіє цією інформацією' }]] as const) {
      const view = actOnRequest(t.db, { index: other.index, action, input, confirmed: true });
      expect(view, action).toEqual(getRequest(t.db, { index: other.index }));
    }
  });
});
