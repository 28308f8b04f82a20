/**
 * A fresh registration writes its row already folded (registration.ts) instead of writing, reading
 * back and folding it: the row, the search entry and the answer must be exactly what the general
 * path — `refreshProjection` from the stored event — makes of the same request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshProjection } from '../../src/main/services/projection';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T12:00:00+02:00');
});
afterEach(() => t.close());

const SHAPES: Record<string, Record<string, unknown>> = {
  plain: {},
  'by e-mail, no postal address': { channel: 'email', email: 'olena@example.com', postalAddress: '', replyBy: 'email' },
  'oral, written down by an official': { channel: 'phone', form: 'oral', signed: false, filledByOfficial: { name: 'Іваненко І. І.', phone: '(03472) 7-22-33' } },
  'urgent, with fax and its own date': { urgent: true, urgentReason: 'Аварія на водогоні', channel: 'fax', fax: '(03472) 7-11-22', replyBy: 'fax', requestDate: '2026-11-20' },
  'incomplete: unsigned, no address': { postalAddress: '', signed: false },
  'legal person, received on a Friday evening': { requesterType: 'legal', requesterName: 'ТОВ «Калуш-Буд»', receivedAt: '2026-11-20T19:30:00+02:00' },
};

const rowOf = (id: string) => {
  const { updated_at: _, ...row } = t.db.sqlite.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Record<string, unknown>;
  return row;
};
const searchOf = (id: string) => t.db.sqlite.prepare('SELECT * FROM requests_fts WHERE request_id = ?').all(id);

describe('a fresh registration is projected as the fold of its event', () => {
  for (const [name, over] of Object.entries(SHAPES))
    it(name, () => {
      const r = registerRequest(t.db, sampleRequest(over));
      const [row, search] = [rowOf(r.id), searchOf(r.id)];
      expect(row.state).not.toBe('{}');
      // What the general path makes of the stored event, written over it.
      const general = refreshProjection(t.db, r.id);
      expect(rowOf(r.id)).toEqual(row);
      expect(searchOf(r.id)).toEqual(search);
      expect(search).toHaveLength(1);
      // The answer the clerk got is the request as it is read back.
      const view = getRequest(t.db, { index: r.id });
      expect(r).toEqual({
        id: view.id,
        index: view.index,
        receivedAt: view.receivedAt,
        dueDate: view.dueDate,
        ...(view.dueAt ? { dueAt: view.dueAt } : {}),
        status: view.status,
        complete: view.complete,
        missing: view.missing,
      });
      expect(general.record).toEqual({ ...view, state: undefined, status: undefined, dueDate: undefined, dueAt: undefined, dueState: undefined, events: undefined, conflict: undefined, attachments: undefined });
    });

  it('leaves a register that verify finds in order', () => {
    for (const over of Object.values(SHAPES)) registerRequest(t.db, sampleRequest(over));
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, findings: [] });
  });
});
