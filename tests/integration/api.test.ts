import { request } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { startWebShell } from '../../src/main/web/server';
import { openTempDb, sampleRequest, tempDir, type TempDb } from '../helpers/tempDb';
import { ADMIN_PASSWORD, withAdmin } from '../helpers/admin';

let t: TempDb;
let server: Server;
let url: string;
beforeAll(async () => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  ({ server, url } = await startWebShell({ db: t.db, port: 0, rendererDir: tempDir('rd-renderer-') }));
});
afterAll(() => {
  server.close();
  t.close();
});

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('API dispatch', () => {
  it('returns results, never throws, for good and bad calls alike', () => {
    const h = createHandlers(t.db);
    const ok = dispatch(h, 'requests:register', sampleRequest());
    expect(ok).toMatchObject({ ok: true, value: { index: 'З-1' } });
    expect(dispatch(h, 'requests:drop', {})).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(dispatch(h, 'requests:register', { channel: 1 })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(dispatch(h, 'requests:get', { index: 'З-77' })).toMatchObject({ ok: false, error: { kind: 'not_found', message: expect.stringMatching(/не знайдено/) } });
  });

  it('recomputes open deadlines when the calendar changes', () => {
    const h = createHandlers(t.db);
    t.setNow('2026-12-18T12:00:00+02:00');
    // Received Fri 2026-12-18: under martial law due Fri 25 Dec (a working day); in peacetime 25 Dec is a holiday.
    const r = dispatch(h, 'requests:register', sampleRequest({ receivedAt: '2026-12-18T10:00:00+02:00' }));
    expect(r).toMatchObject({ ok: true, value: { dueDate: '2026-12-25' } });
    const index = (r as { value: { index: string } }).value.index;
    // The calendar is the administrator's (issue 10): refused without the password, nothing moved.
    expect(dispatch(h, 'settings:update', { calendar: { martialLawTo: '2026-12-01' } })).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/Пароль адміністратора ще не встановлено/) } });
    withAdmin(t.db);
    const confirm = { adminPassword: ADMIN_PASSWORD };
    expect(dispatch(h, 'settings:update', { calendar: { martialLawTo: '2026-12-01' }, confirm: { adminPassword: 'не той' } })).toMatchObject({ ok: false, error: { fields: [{ path: 'confirm.adminPassword' }] } });
    expect(dispatch(h, 'requests:get', { index })).toMatchObject({ ok: true, value: { dueDate: '2026-12-25' } });
    expect(dispatch(h, 'settings:update', { calendar: { martialLawTo: '2026-12-01' }, confirm })).toMatchObject({ ok: true });
    expect(dispatch(h, 'requests:get', { index })).toMatchObject({ ok: true, value: { dueDate: '2026-12-28' } });
    expect(dispatch(h, 'settings:update', { calendar: { martialLawTo: null }, confirm })).toMatchObject({ ok: true });
    expect(dispatch(h, 'requests:get', { index })).toMatchObject({ ok: true, value: { dueDate: '2026-12-25' } });
    expect(dispatch(h, 'settings:update', { calendar: { martialLawTo: '2026-13-01' } })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});

describe('web shell', () => {
  it('serves the API on 127.0.0.1', async () => {
    const r = await post('/api/requests:list', '{}');
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(true);
    expect(Array.isArray(r.json.value)).toBe(true);
  });

  it('answers malformed bodies with a result, not a crash', async () => {
    const r = await post('/api/requests:register', '{not json');
    expect(r.json).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('refuses other host names and foreign origins', async () => {
    expect((await post('/api/requests:list', '{}', { host: 'evil.example' })).status).toBe(403);
    expect((await post('/api/requests:list', '{}', { origin: 'http://evil.example' })).status).toBe(403);
  });
});
