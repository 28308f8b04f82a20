/** The registration stamp three ways — sheet, on a scan, stamped copy — read back with poppler. */
import { imageSize } from '../../src/main/documents/imageSize';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDocument } from '../../src/main/services/documents';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { updateSettings } from '../../src/main/services/settings';
import { AppError } from '../../src/shared/errors';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';
import { contentStreams, fonts, inLowerRightQuarter, kalushSettings, makeScanPdf, pageCount, readQr, render, shoot, strayFiles, text, words } from './documents.helpers';
import { failure } from '../helpers/failure';

let t: TempDb;
let index: string;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:30:00+02:00');
  kalushSettings(t.db);
  index = registerRequest(t.db, sampleRequest()).index;
});
afterEach(() => t.close());

const out = (name: string) => join(t.dir, name);
const make = async (input: Record<string, unknown>) => {
  const r = await makeDocument(t.db, { index, ...input });
  shoot(r.path);
  return r;
};
const STAMP_WORDS = ['Виконавчий', 'Калуської', 'Вх.', '№', 'З-1', '23.11.2026'];

describe('stamp sheet', () => {
  it('puts only the framed stamp, in the lower right quarter, with the holder, number and date', async () => {
    const r = await make({ kind: 'stamp_sheet', out: out('stamp-sheet.pdf') });
    expect(r.path).toBe(out('stamp-sheet.pdf'));
    const txt = text(r.path);
    expect(txt).toBe('Виконавчий комітет Калуської міської ради Вх. № З-1 від 23.11.2026');
    expect(inLowerRightQuarter(r.path, STAMP_WORDS)).toBe(true);
    // The QR code beside the words finds the record: holder's code, index, date of receipt.
    expect(readQr(r.path)).toBe(`RD1|04054346|${index}|2026-11-23`);
    expect(pageCount(r.path)).toBe(1);
    expect(fonts(r.path).length).toBeGreaterThan(0);
    expect(fonts(r.path).every((f) => f.embedded && f.name.includes('LiberationSerif'))).toBe(true);
    // Issuing the stamp is in the request's history.
    const events = getRequest(t.db, { index }).events;
    expect(events.at(-1)).toMatchObject({ type: 'document_issued', payload: { kind: 'stamp_sheet' } });
  });

  it('shows the time of receipt for an urgent request, and follows the position settings in millimetres', async () => {
    const urgent = registerRequest(t.db, sampleRequest({ urgent: true, urgentReason: 'Загроза життю', receivedAt: '2026-11-23T10:07:00+02:00' })).index;
    updateSettings(t.db, { stamp: { rightMm: 20, bottomMm: 30, widthMm: 80, heightMm: 35 } });
    const r = await makeDocument(t.db, { kind: 'stamp_sheet', index: urgent, out: out('urgent.pdf') });
    expect(text(r.path)).toContain(`Вх. № ${urgent} від 23.11.2026 о 10:07`);
    const { width, height, words: ws } = words(r.path);
    const mm = 72 / 25.4;
    // Every word inside the configured frame: 20 mm from the right, 30 mm from the bottom, 80 × 35 mm.
    for (const w of ws) {
      expect(w.xMax).toBeLessThanOrEqual(width - 20 * mm + 0.5);
      expect(w.xMin).toBeGreaterThanOrEqual(width - 100 * mm - 0.5);
      expect(w.yMax).toBeLessThanOrEqual(height - 30 * mm + 0.5);
      expect(w.yMin).toBeGreaterThanOrEqual(height - 65 * mm - 0.5);
    }
  });

  it('wraps and shrinks a long holder name to stay inside the frame', async () => {
    updateSettings(t.db, { council: { name: 'Виконавчий комітет Івано-Франківської міської ради Івано-Франківської області, загальний відділ' } });
    const r = await make({ kind: 'stamp_sheet', out: out('long-name.pdf') });
    expect(text(r.path)).toContain('Виконавчий комітет Івано-Франківської міської ради Івано-Франківської області, загальний відділ Вх. № З-1');
    const { width, height, words: ws } = words(r.path);
    const mm = 72 / 25.4;
    for (const w of ws) expect(w.xMin >= width - 80 * mm && w.yMin >= height - 40 * mm).toBe(true);
  });

  it('prints a calibration sheet with rulers and the stamp at its place', async () => {
    const r = await make({ kind: 'stamp_calibration', out: out('calibration.pdf') });
    expect(text(r.path)).toContain('Калібрувальний аркуш штампа реєстрації');
    expect(text(r.path)).toContain('70 × 30 мм, відступ від правого краю 10 мм, від нижнього краю 10 мм');
    expect(inLowerRightQuarter(r.path, ['Вх.', 'З-1'])).toBe(true);
  });

  it('refuses without the holder name, with a Ukrainian message, and leaves no file', async () => {
    updateSettings(t.db, { council: { name: '' } });
    const e = await failure(makeDocument(t.db, { kind: 'stamp_sheet', index, out: out('none.pdf') }));
    expect(e).toBeInstanceOf(AppError);
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toMatch(/не вказано найменування розпорядника/);
    expect(existsSync(out('none.pdf'))).toBe(false);
    expect(strayFiles(t.dir, ['register.sqlite', 'register.sqlite-wal', 'register.sqlite-shm'])).toEqual([]);
  });

  it('does not record a preview', async () => {
    const r = await makeDocument(t.db, { kind: 'stamp_sheet', index, preview: true });
    expect(existsSync(r.path)).toBe(true);
    expect(r.eventId).toBeUndefined();
    expect(getRequest(t.db, { index }).events.map((e) => e.type)).toEqual(['registered']);
  });
});

describe('stamp on a scan', () => {
  it('stamps page 1 of a PDF in its lower right quarter and leaves the other pages as they were', async () => {
    const scan = out('scan.pdf');
    const original = await makeScanPdf(3);
    writeFileSync(scan, original);
    const r = await make({ kind: 'stamp_onto', onto: scan, out: out('scan-stamped.pdf') });
    expect(pageCount(r.path)).toBe(3);
    expect(text(r.path, 1)).toContain('Scan page 1');
    expect(text(r.path, 1)).toContain('Виконавчий комітет Калуської міської ради Вх. № З-1 від 23.11.2026');
    expect(inLowerRightQuarter(r.path, STAMP_WORDS)).toBe(true);
    expect(fonts(r.path).filter((f) => f.name.includes('LiberationSerif')).every((f) => f.embedded)).toBe(true);
    const [before, after] = [await contentStreams(scan), await contentStreams(r.path)];
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toContain(before[0]!);
    for (const page of [2, 3]) expect(render(r.path, page, out(`after-${page}`)).equals(render(scan, page, out(`before-${page}`)))).toBe(true);
    // The scan itself is not touched.
    expect(readFileSync(scan).equals(original)).toBe(true);
  });

  it('stamps the lower right as the page is shown, even when the scan page is rotated', async () => {
    const scan = out('rotated.pdf');
    writeFileSync(scan, await makeScanPdf(2, { rotate: 90 }));
    const r = await make({ kind: 'stamp_onto', onto: scan, out: out('rotated-stamped.pdf') });
    const { width, height } = words(r.path);
    expect(width).toBeGreaterThan(height);
    expect(inLowerRightQuarter(r.path, STAMP_WORDS)).toBe(true);
  });

  for (const format of ['png', 'jpeg'] as const) {
    it(`turns a ${format.toUpperCase()} scan into a one-page PDF with the stamp`, async () => {
      const pdf = out('page.pdf');
      writeFileSync(pdf, await makeScanPdf(1));
      execFileSync('pdftoppm', [`-${format}`, '-r', '100', '-singlefile', pdf, out('page')]);
      const image = out(format === 'png' ? 'page.png' : 'page.jpg');
      const r = await make({ kind: 'stamp_onto', onto: image, out: out(`${format}-stamped.pdf`) });
      expect(readFileSync(r.path).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageCount(r.path)).toBe(1);
      expect(inLowerRightQuarter(r.path, STAMP_WORDS)).toBe(true);
    });
  }

  it('refuses an image over 40 megapixels by its header, before decoding it, with a message', async () => {
    const pdf = out('big-src.pdf');
    writeFileSync(pdf, await makeScanPdf(1));
    // A real 8000 × 6000 JPEG (48 Mp) and a small PNG whose size is read the same way.
    execFileSync('pdftoppm', ['-jpeg', '-scale-to-x', '8000', '-scale-to-y', '6000', '-singlefile', pdf, out('big')]);
    execFileSync('pdftoppm', ['-png', '-scale-to-x', '300', '-scale-to-y', '400', '-singlefile', pdf, out('small')]);
    expect(imageSize(readFileSync(out('big.jpg')), 'jpeg')).toEqual({ width: 8000, height: 6000 });
    expect(imageSize(readFileSync(out('small.png')), 'png')).toEqual({ width: 300, height: 400 });
    const e = await failure(makeDocument(t.db, { kind: 'stamp_onto', index, onto: out('big.jpg'), out: out('big-stamped.pdf') }));
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toBe('Зображення скану завелике: 8000 × 6000 пікселів (48 Мп), більше ніж 40 Мп. Зменште його (для аркуша А4 досить 300 dpi, близько 9 Мп) і повторіть.');
    expect(existsSync(out('big-stamped.pdf'))).toBe(false);
  });

  it('refuses what is not a scan, a broken or encrypted PDF, and a far too long one, leaving no file', async () => {
    const cases: [string, Buffer | (() => Promise<Buffer>), RegExp][] = [
      ['notes.txt', Buffer.from('Це не скан, а текстовий файл'), /не є PDF, PNG або JPEG/],
      ['empty.pdf', Buffer.alloc(0), /порожній/],
      ['broken.pdf', async () => (await makeScanPdf(2)).subarray(0, 600), /пошкоджено|не містить жодної сторінки/],
      ['broken.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage')]), /зображення скану пошкоджено/],
      ['long.pdf', () => makeScanPdf(200), /200 сторінок/],
    ];
    const plain = out('plain.pdf');
    writeFileSync(plain, await makeScanPdf(1));
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, out('encrypted.pdf')]);
    const known = ['register.sqlite', 'register.sqlite-wal', 'register.sqlite-shm', 'plain.pdf', 'encrypted.pdf'];
    const e = await failure(makeDocument(t.db, { kind: 'stamp_onto', index, onto: out('encrypted.pdf'), out: out('x.pdf') }));
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toMatch(/зашифровано/);
    for (const [name, content, message] of cases) {
      writeFileSync(out(name), typeof content === 'function' ? await content() : content);
      known.push(name);
      const err = await failure(makeDocument(t.db, { kind: 'stamp_onto', index, onto: out(name), out: out('x.pdf') }));
      expect(err.kind, name).toBe('invalid_input');
      expect(err.message, name).toMatch(message);
    }
    const missing = await failure(makeDocument(t.db, { kind: 'stamp_onto', index, onto: out('absent.pdf'), out: out('x.pdf') }));
    expect(missing.message).toMatch(/не знайдено/);
    expect(strayFiles(t.dir, known)).toEqual([]);
    // Nothing was issued either.
    expect(getRequest(t.db, { index }).events.map((ev) => ev.type)).toEqual(['registered']);
  });
});

describe('stamped copy', () => {
  it('prints the request as a copy in the Appendix 4 layout with the stamp on page 1, clear of the text', async () => {
    const r = await make({ kind: 'stamped_copy', out: out('copy.pdf') });
    expect(readQr(r.path)).toBe(`RD1|04054346|${index}|2026-11-23`);
    const p1 = text(r.path, 1);
    expect(p1).toContain('КОПІЯ');
    expect(p1).toContain('ЗАПИТ на отримання публічної інформації');
    expect(p1).toContain('Петренко Петро Петрович');
    expect(inLowerRightQuarter(r.path, STAMP_WORDS)).toBe(true);
    const { height, words: ws } = words(r.path, 1);
    const stampTop = height - (10 + 30) * (72 / 25.4);
    const body = ws.filter((w) => w.yMin < stampTop);
    expect(body.length).toBeGreaterThan(20);
    expect(ws.filter((w) => w.yMax > stampTop && !STAMP_WORDS.concat(['комітет', 'міської', 'ради', 'від']).includes(w.text))).toEqual([]);
    expect(text(r.path, 2)).toContain('Примітки:');
  });

  it('lets a long request flow to the next page instead of under the stamp', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Пункт ${i + 1}: копії рішень виконавчого комітету щодо ґрунтових доріг.`).join(' ');
    const idx = registerRequest(t.db, sampleRequest({ description: long })).index;
    const r = await makeDocument(t.db, { kind: 'stamped_copy', index: idx, out: out('long-copy.pdf') });
    expect(pageCount(r.path)).toBe(3);
    const { height, words: ws } = words(r.path, 1);
    const stampTop = height - 40 * (72 / 25.4);
    expect(ws.filter((w) => w.yMax > stampTop && w.text === 'Пункт')).toEqual([]);
    expect(text(r.path)).toContain('Пункт 60: копії рішень');
    expect(text(r.path, 3)).toContain('Примітки:');
  });
});
