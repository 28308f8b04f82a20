/** `stamp`, `receipt`, `form`, `letter` as ../shared/docs/cli.md has them, and the API's documents methods. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { cli } from '../helpers/cli';
import { openDb } from '../../src/main/db/open';
import type { PrintPort } from '../../src/shared/documents';
import { getSettings } from '../../src/main/services/settings';
import { openTempDb, sampleRequest, tempDir } from '../helpers/tempDb';
import { kalushSettings, makeScanPdf, text } from './documents.helpers';

const dir = tempDir('rd-doc-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const f = (name: string) => join(dir, name);
const isPdf = (file: string) => existsSync(file) && readFileSync(file).subarray(0, 5).toString() === '%PDF-';

describe('documents on the command line', () => {
  const db = f('cli.sqlite');
  let index = '';

  it('stamp, stamp --onto, receipt and the forms write PDFs; --json prints one value', async () => {
    const reg = await cli(['register', '--db', db, '--input', '-', '--json'], JSON.stringify(sampleRequest()));
    index = reg.json().index;
    const s = await cli(['stamp', '--db', db, '--index', index, '--out', f('stamp.pdf'), '--json']);
    expect(s.code).toBe(0);
    expect(s.json()).toMatchObject({ kind: 'stamp_sheet', path: f('stamp.pdf'), eventId: expect.any(String) });
    expect(text(f('stamp.pdf'))).toContain(`Вх. № ${index}`);
    writeFileSync(f('scan.pdf'), await makeScanPdf(2));
    expect((await cli(['stamp', '--db', db, '--index', index, '--onto', f('scan.pdf'), '--out', f('onto.pdf')])).out).toBe(`Записано: ${f('onto.pdf')}\n`);
    expect((await cli(['stamp', '--db', db, '--index', index, '--copy', '--out', f('copy.pdf')])).code).toBe(0);
    expect((await cli(['stamp', '--db', db, '--calibrate', '--out', f('cal.pdf')])).code).toBe(0);
    expect((await cli(['receipt', '--db', db, '--index', index, '--out', f('receipt.pdf')])).code).toBe(0);
    expect((await cli(['form', '--kind', 'natural', '--out', f('blank.pdf')])).code).toBe(0);
    expect((await cli(['form', '--kind', 'legal', '--db', db, '--out', f('legal.pdf')])).code).toBe(0);
    expect((await cli(['form', '--kind', 'natural', '--db', db, '--index', index, '--out', f('filled.pdf')])).code).toBe(0);
    for (const name of ['onto', 'copy', 'cal', 'receipt', 'blank', 'legal', 'filled']) expect(isPdf(f(`${name}.pdf`)), name).toBe(true);
    expect(text(f('filled.pdf'))).toContain('Петренко Петро Петрович');
  });

  it('letter registers the outgoing number; a letter the state does not allow exits 2 with nothing written', async () => {
    const early = await cli(['letter', '--db', db, '--index', index, '--kind', 'refusal', '--out', f('refusal.pdf')]);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/не відмовлено/);
    expect(existsSync(f('refusal.pdf'))).toBe(false);
    const h = openDb(db);
    kalushSettings(h);
    h.sqlite.close();
    await cli(['act', '--db', db, '--index', index, '--action', 'refuse', '--input', '-', '--json'], JSON.stringify({ ground: 4, explanation: 'Не зазначено опис інформації' }));
    const ok = await cli(['letter', '--db', db, '--index', index, '--kind', 'refusal', '--out', f('refusal.pdf'), '--outgoing', '01-15/12', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json().kind).toBe('letter_refusal');
    const shown = (await cli(['show', '--db', db, '--index', index, '--json'])).json();
    expect(shown.events.at(-1)).toMatchObject({ type: 'document_issued', payload: { kind: 'letter_refusal', outgoingIndex: '01-15/12' } });
  });

  it('bad input exits 2 with a message on stderr and no file', async () => {
    const cases = [
      ['letter', '--db', db, '--index', index, '--kind', 'thanks', '--out', f('bad1.pdf')],
      ['form', '--kind', 'alien', '--out', f('bad2.pdf')],
      ['form', '--kind', 'natural', '--index', '1', '--out', f('bad3.pdf')],
      ['stamp', '--db', db, '--index', index],
      ['stamp', '--db', db, '--index', 'З-999', '--out', f('bad4.pdf')],
      ['stamp', '--db', db, '--index', index, '--onto', f('nope.png'), '--out', f('bad5.pdf')],
      ['stamp', '--db', db, '--index', index, '--onto', f('scan.pdf'), '--copy', '--out', f('bad6.pdf')],
    ];
    for (const args of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/Помилка|--/);
    }
    for (let i = 1; i <= 6; i++) expect(existsSync(f(`bad${i}.pdf`))).toBe(false);
  });
});

describe('documents through the API', () => {
  it('documents:make returns the path and the PDF for the preview; documents:print remembers the printer per kind', async () => {
    const t = openTempDb();
    try {
      kalushSettings(t.db);
      const printed: [string, string][] = [];
      const port: PrintPort = { printers: async () => [{ name: 'Tray', isDefault: false }], print: async (p, printer) => void printed.push([p, printer]) };
      const h = createHandlers(t.db, port);
      const reg = dispatch(h, 'requests:register', sampleRequest()) as { ok: true; value: { index: string } };
      const made = await dispatch(h, 'documents:make', { kind: 'stamp_sheet', index: reg.value.index, preview: true });
      expect(made).toMatchObject({ ok: true, value: { kind: 'stamp_sheet', path: expect.stringMatching(/\.pdf$/) } });
      const value = (made as { ok: true; value: { path: string; pdfBase64: string } }).value;
      expect(Buffer.from(value.pdfBase64, 'base64').equals(readFileSync(value.path))).toBe(true);
      expect(await dispatch(h, 'documents:printers', undefined)).toEqual({ ok: true, value: [{ name: 'Tray', isDefault: false }] });
      expect(await dispatch(h, 'documents:print', { path: value.path, kind: 'stamp_sheet', printer: 'Tray' })).toEqual({ ok: true, value: { printer: 'Tray' } });
      expect(getSettings(t.db).printers.stamp).toBe('Tray');
      // Next time the stamp sheet goes to the remembered printer without asking.
      expect(await dispatch(h, 'documents:print', { path: value.path, kind: 'stamp_sheet' })).toEqual({ ok: true, value: { printer: 'Tray' } });
      expect(printed).toEqual([[value.path, 'Tray'], [value.path, 'Tray']]);
      const bad = await dispatch(h, 'documents:make', { kind: 'stamp_sheet', index: 'З-404' });
      expect(bad).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      const noPort = await dispatch(createHandlers(t.db), 'documents:print', { path: value.path, kind: 'receipt' });
      expect(noPort).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    } finally {
      t.close();
    }
  });
});
