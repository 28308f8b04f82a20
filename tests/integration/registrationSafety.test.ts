/** A number is given only to a real request (issue 10), the same in the service, the API and the CLI. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { closeDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { cli } from '../helpers/cli';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const requests = () => t.db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get() as number;
const counters = () => t.db.sqlite.prepare('SELECT coalesce(sum(last), 0) FROM counters').pluck().get() as number;
const call = async (method: string, input: unknown) => (await dispatch(createHandlers(t.db), method, input)) as { ok: boolean; value?: any; error?: any };

describe('no number for a request that is not one', () => {
  it('the API refuses an empty registration and writes nothing, not even a counter', async () => {
    const r = await call('requests:register', { channel: 'in_person' });
    expect(r.ok).toBe(false);
    expect(r.error.kind).toBe('invalid_input');
    expect(r.error.message).toMatch(/Порожній запит не реєструється/);
    expect(requests()).toBe(0);
    expect(counters()).toBe(0);
  });

  it('the API registers an incomplete request only when the missing parts are named', async () => {
    const partial = sampleRequest({ postalAddress: '', email: '', signed: false });
    const refused = await call('requests:register', partial);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/Запит неповний.*поштова адреса або адреса електронної пошти.*підпис/);
    expect(refused.error.fields.map((f: { path: string }) => f.path)).toEqual(['postalAddress', 'signed']);
    expect(requests()).toBe(0);
    const half = await call('requests:register', { ...partial, acceptMissing: ['signed'] });
    expect(half.ok).toBe(false);
    const ok = await call('requests:register', { ...partial, acceptMissing: ['postalAddressOrEmail', 'signed'] });
    expect(ok.ok).toBe(true);
    expect(ok.value).toMatchObject({ complete: false, missing: ['postalAddressOrEmail', 'signed'] });
  });

  it('the same form sent twice gets one number', async () => {
    const clientKey = randomUUID();
    const first = await call('requests:register', { ...sampleRequest(), clientKey });
    const again = await call('requests:register', { ...sampleRequest(), clientKey });
    expect(again.value).toEqual(first.value);
    expect(requests()).toBe(1);
    const other = registerRequest(t.db, { ...sampleRequest(), clientKey: randomUUID() });
    expect(other.index).toBe('З-2');
  });

  it('a receipt time still to come is named as the clerk writes it, not in ISO', async () => {
    const r = await call('requests:register', sampleRequest({ receivedAt: '2030-01-02T10:05:00+02:00' }));
    expect(r.error.message).toBe('Дата і час надходження ще не настали: 02.01.2030 10:05');
    expect(requests()).toBe(0);
  });

  it('the CLI refuses an empty registration with exit 2 and writes nothing', async () => {
    closeDb(t.db);
    const r = await cli(['register', '--db', t.file, '--input', '-', '--json'], JSON.stringify({ channel: 'post' }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Порожній запит не реєструється/);
    expect(r.out).toBe('');
    const list = await cli(['list', '--db', t.file, '--json']);
    expect(list.json()).toEqual([]);
  });
});
