/** files:read, files:upload and files:exportFolder over real files: the app reads back only what it wrote. */
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { updateSettings } from '../../src/main/services/settings';
import { openTempDb, sampleRequest, tempDir, type TempDb } from '../helpers/tempDb';

let t: TempDb;
let h: ReturnType<typeof createHandlers>;
const call = async (method: string, input?: unknown) => dispatch(h, method, input) as Promise<any>;
beforeAll(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  h = createHandlers(t.db);
});
afterAll(() => t.close());

describe('files API', () => {
  it('proposes «Експорт» beside the register, creates it, and follows the setting', async () => {
    const r = await call('files:exportFolder');
    expect(r).toEqual({ ok: true, value: { folder: join(t.dir, 'Експорт') } });
    expect(existsSync(join(t.dir, 'Експорт'))).toBe(true);
    const own = join(t.dir, 'archive', 'journals');
    updateSettings(t.db, { exports: { folder: own } });
    expect((await call('files:exportFolder')).value.folder).toBe(own);
    expect(existsSync(own)).toBe(true);
    updateSettings(t.db, { exports: { folder: '' } });
  });

  it('reads back a journal the app exported, with its type', async () => {
    dispatch(h, 'requests:register', sampleRequest());
    const folder = (await call('files:exportFolder')).value.folder as string;
    const out = join(folder, 'Журнал запитів 2026-11.xlsx');
    const job = (await call('journal:export', { month: '2026-11', format: 'xlsx', out })).value;
    for (let i = 0; i < 200 && (await call('jobs:status', { id: job.id })).value[0].state === 'running'; i++) await new Promise((r) => setTimeout(r, 20));
    const r = await call('files:read', { path: out });
    expect(r.ok).toBe(true);
    expect(r.value.name).toBe('Журнал запитів 2026-11.xlsx');
    expect(r.value.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(r.value.base64, 'base64').equals(readFileSync(out))).toBe(true);
  });

  it('reads a document preview from the temporary folder', async () => {
    const made = await call('documents:make', { kind: 'form_natural', preview: true });
    expect(made.ok).toBe(true);
    const r = await call('files:read', { path: made.value.path });
    expect(Buffer.from(r.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a path outside the export folder and the app’s temporary files', async () => {
    const elsewhere = tempDir('other-');
    const secret = join(elsewhere, 'secret.txt');
    writeFileSync(secret, 'not yours');
    const strayTemp = join(tmpdir(), `rd-stray-${process.pid}.txt`);
    writeFileSync(strayTemp, 'x');
    // A folder that merely looks like the app's (an e2e register lives in one) is not readable.
    const lookalike = tempDir('registry-desk-e2e-');
    const lookalikeDb = join(lookalike, 'register.sqlite');
    writeFileSync(lookalikeDb, 'db');
    const folder = (await call('files:exportFolder')).value.folder as string;
    // A symlink inside the export folder pointing out of it, and `..` climbing out of it.
    const link = join(folder, 'link.txt');
    symlinkSync(secret, link);
    try {
      for (const path of [secret, strayTemp, lookalikeDb, t.file, link, join(folder, '..', 'register.sqlite'), '/etc/passwd', 'relative.txt', join(elsewhere, 'missing.pdf')]) {
        const r = await call('files:read', { path });
        expect(r, path).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      }
      // The folder itself is not a file to read.
      expect(await call('files:read', { path: folder })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      // Inside the export folder, a missing file is simply not found.
      expect(await call('files:read', { path: join(folder, 'nope.pdf') })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
      rmSync(strayTemp, { force: true });
      rmSync(lookalike, { recursive: true, force: true });
      rmSync(link, { force: true });
    }
  });

  it('uploads a file into a fresh temporary folder under its own name, and it can be read back', async () => {
    const bytes = Buffer.from('%PDF-1.4 scan bytes');
    const a = await call('files:upload', { name: 'скан запиту.pdf', base64: bytes.toString('base64') });
    const b = await call('files:upload', { name: '../../evil/скан запиту.pdf', base64: bytes.toString('base64') });
    expect(a.ok && b.ok).toBe(true);
    expect(a.value.path.endsWith('скан запиту.pdf')).toBe(true);
    expect(dirname(a.value.path)).not.toBe(dirname(b.value.path));
    expect(dirname(dirname(b.value.path))).toBe(dirname(dirname(a.value.path)));
    expect(readFileSync(b.value.path).equals(bytes)).toBe(true);
    expect((await call('files:read', { path: a.value.path })).value.base64).toBe(bytes.toString('base64'));
    rmSync(dirname(a.value.path), { recursive: true });
    rmSync(dirname(b.value.path), { recursive: true });
  });

  it('refuses an upload that is not base64 or is larger than 60 MB', async () => {
    expect(await call('files:upload', { name: 'a.pdf', base64: 'не base64' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const big = 'A'.repeat(Math.ceil((60 * 1024 * 1024) / 3) * 4 + 4);
    expect(await call('files:upload', { name: 'a.pdf', base64: big })).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/60 МБ/) } });
  });

  it('a setting cannot open the disk: export folder «/», print of any PDF, exports and imports outside (finding 9)', async () => {
    const elsewhere = tempDir('other-');
    const pdf = join(elsewhere, 'anything.pdf');
    writeFileSync(pdf, '%PDF-1.4 not ours');
    const printed: string[] = [];
    const hp = createHandlers(t.db, { printers: async () => [], print: async (path: string) => void printed.push(path) } as never);
    try {
      updateSettings(t.db, { exports: { folder: '/' }, openData: { folder: elsewhere } });
      for (const path of ['/etc/passwd', pdf, t.file]) expect(await call('files:read', { path }), path).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      const p = await dispatch(hp, 'documents:print', { path: pdf, kind: 'receipt' });
      expect(p).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(printed).toEqual([]);
      expect(await call('journal:export', { month: '2026-11', format: 'csv', out: join(elsewhere, 'j.csv') })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(await call('reports:export', { from: '2026-11-01', to: '2026-11-30', format: 'pdf', out: '/tmp/r.pdf' })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(await call('opendata:publish', {})).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(await call('import:preview', { file: pdf })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(await call('documents:make', { kind: 'form_natural', out: join(elsewhere, 'f.pdf') })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      expect(readdirSync(elsewhere)).toEqual(['anything.pdf']);
    } finally {
      updateSettings(t.db, { exports: { folder: '' }, openData: { folder: '' } });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
