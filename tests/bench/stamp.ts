/**
 * The stamp sheet from "registered" to "PDF on disk" (the visitor waits for it at the counter),
 * next to a bare pdfkit page with the same text in the same TrueType face, written to disk.
 */
import PDFDocument from 'pdfkit';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontDir, FACES } from '../../src/main/documents/fonts';
import { makeDocument } from '../../src/main/services/documents';
import { registerRequest } from '../../src/main/services/registration';
import { openDb } from '../../src/main/db/open';
import { tempDir } from '../helpers/tempDb';
import { median, vsRaw, type Suite } from './harness';

const LINES = ['Виконавчий комітет міської ради', 'Вх. № З-1', 'від 23.11.2026'];

/** What anyone would write: a page, the TTF by its path, three lines, the file. */
function barePage(out: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok) => doc.on('end', () => ok(writeFileSync(out, Buffer.concat(chunks)))));
  doc.font(join(fontDir(), FACES.bold)).fontSize(11).text(LINES[0]!, 400, 730);
  doc.fontSize(12).text(LINES[1]!, 440, 770);
  doc.font(join(fontDir(), FACES.regular)).fontSize(10).text(LINES[2]!, 440, 790);
  doc.end();
  return done;
}

const suite: Suite = async ({ quick }) => {
  const runs = quick ? 15 : 60;
  const dir = tempDir('rd-bench-stamp-');
  const db = openDb(join(dir, 'bench.sqlite'));
  const { index } = registerRequest(db, { receivedAt: '2026-11-23T10:00:00+02:00', channel: 'in_person', requesterName: 'Петренко Петро Петрович', postalAddress: 'вул. Шевченка, 10', description: 'Копія рішення', signed: true });
  const out = join(dir, 'stamp.pdf');
  // Warm both paths once (module loading, the font parse that happens once per process).
  await makeDocument(db, { kind: 'stamp_sheet', index, out });
  await barePage(join(dir, 'bare.pdf'));
  const ours = await median(runs, () => makeDocument(db, { kind: 'stamp_sheet', index, out }));
  const bare = await median(runs, () => barePage(join(dir, 'bare.pdf')));
  db.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  // Ours also reads the request and settings, writes through a temp file and records the issue (fsync'd).
  return { stamp: vsRaw('stamp sheet: registered → PDF on disk, vs a bare pdfkit page', ours, bare, '< 50 ms, ≤ 1.5×', { below: 50, ratio: 1.5 }) };
};
export default suite;
