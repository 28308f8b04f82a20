/**
 * Conflicts (scenario of the "Conflicts" part): a request answered at one desk and refused
 * at another while apart keeps both actions, carries the same flag on every desk, and is settled
 * by a person whose choice travels as an event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/main/services/actions';
import { resolveConflict } from '../../src/main/services/conflicts';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { cli } from '../helpers/cli';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

describe('sync conflicts', () => {
  it('answered at one desk and refused at another: both kept, the same flag everywhere, resolved by an event', async () => {
    const url = await pgc.createDatabase();
    await migrateServer(url);
    const a = makeDesk('A');
    const b = makeDesk('B');
    const { index } = registerRequest(a.db, request(1, '2026-11-23T09:00:00+02:00'));
    const calm = registerRequest(a.db, request(2, '2026-11-23T09:05:00+02:00')).index;
    await syncOnce(a.db, url);
    await syncOnce(b.db, url);
    // Apart: each desk closes the request its own way.
    a.setNow(new Date('2026-11-24T08:00:00Z'));
    b.setNow(new Date('2026-11-24T09:00:00Z'));
    actOnRequest(a.db, { index, action: 'answer', input: { outgoingIndex: '01-15/77' } });
    actOnRequest(b.db, { index, action: 'refuse', input: { ground: 1, explanation: 'Інформація не належить до публічної' } });
    for (const d of [a, b, a]) await syncOnce(d.db, url);

    const [va, vb] = [getRequest(a.db, { index }), getRequest(b.db, { index })];
    expect(va.conflict).not.toBeNull();
    expect(vb.conflict).toEqual(va.conflict);
    expect(va.conflict!.events).toHaveLength(2);
    expect(va.conflict!.message).toMatch(/надано відповідь.*відмовлено/);
    expect(va.status).toBe(vb.status);
    expect(va.events.map((e) => e.type)).toEqual(expect.arrayContaining(['answered', 'refused']));
    expect(getRequest(a.db, { index: calm }).conflict).toBeNull();

    a.db.sqlite.close();
    const shown = await cli(['show', '--db', a.file, '--index', index, '--json']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.json().conflict).toEqual(vb.conflict);
    const plain = await cli(['show', '--db', a.file, '--index', calm, '--json']);
    expect(plain.json().conflict).toBeNull();
    const wrong = await cli(['resolve', '--db', a.file, '--index', calm, '--keep', va.conflict!.events[0]!]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/немає конфлікту/);
    a.reopen();

    // The official at desk B keeps the answer; the refusal stays in the history, set aside.
    const answered = va.events.find((e) => e.type === 'answered')!.id;
    const resolved = resolveConflict(b.db, { index, keep: answered, note: 'Відповідь надіслано раніше' });
    expect(resolved.conflict).toBeNull();
    expect(resolved.status).toBe('answered');
    await syncOnce(b.db, url);
    await syncOnce(a.db, url);
    const after = getRequest(a.db, { index });
    expect(after.conflict).toBeNull();
    expect(after.status).toBe('answered');
    expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(['answered', 'refused', 'conflict_resolved']));
    expect(registerContent(a.db)).toEqual(registerContent(b.db));
    expect(verifyRegister(a.db).findings).toEqual([]);
    expect(verifyRegister(b.db).findings).toEqual([]);
  });
});
