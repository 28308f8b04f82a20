/**
 * Import as a job of the desk: read as a stream (bounded), run in a worker with its own
 * connection (the built dist/jobWorker.mjs: run `npm run build` first), cancelled in its write
 * phase with nothing left, open rows imported as open, and a registration made at the desk while
 * an import writes — never a number twice, never lost, never refused for a busy register.
 */
import ExcelJS from 'exceljs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api/handlers';
import { MAX_RECORD_CHARS } from '../../src/main/journals/importTable';
import { previewImport, runImport } from '../../src/main/services/import';
import { getRequest } from '../../src/main/services/queries';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { workerFile } from '../../src/main/worker/jobThread';
import { gateOf } from '../../src/main/worker/writeGate';
import type { JobInfo } from '../../src/shared/jobs';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeAll(() => {
  if (!workerFile()) throw new Error('dist/jobWorker.mjs is missing: run `npm run build` before these tests');
});
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
});
afterEach(() => t.close());

const count = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).pluck().get(...args) as number;
const snapshot = () => ({
  requests: count('SELECT count(*) FROM requests'),
  events: count('SELECT count(*) FROM events'),
  counters: t.db.sqlite.prepare('SELECT journal, year, series, last FROM counters ORDER BY year').all(),
});

/** A journal of `n` rows numbered from `from` in 2026 (the current year), answered. */
function bigCsv(name: string, n: number, from = 1): string {
  const lines = ['Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту;Результат розгляду;Дата відповіді'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 10)).padStart(2, '0');
    lines.push(`З-${from + i};${day}.${month}.2026;Особа ${i};вул. Садова, ${i};Запит ${i};надано відповідь;${day}.${month}.2026`);
  }
  const file = join(t.dir, name);
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

type Handlers = ReturnType<typeof createHandlers>;
const call = async (h: Handlers, method: string, input?: unknown) => {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as JobInfo;
};

/** Polls the job until `until` holds (a condition, never a fixed wait). */
async function waitJob(h: Handlers, id: string, until: (j: JobInfo) => boolean, what: string): Promise<JobInfo> {
  for (let i = 0; ; i++) {
    const [j] = (await call(h, 'jobs:status', { id })) as unknown as JobInfo[];
    if (until(j!)) return j!;
    if (j!.state !== 'running') throw new Error(`job ended (${j!.state}: ${j!.error?.message ?? ''}) before ${what}`);
    if (i > 60_000) throw new Error(`never ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
const writing = (j: JobInfo) => j.progress?.phase === 'writing' && j.progress.done > 0;
const finished = (j: JobInfo) => j.state !== 'running';

describe('reading is streamed and bounded', () => {
  it('refuses a CSV with a 10 MB line with a clear message, naming the line', async () => {
    const file = join(t.dir, 'long.csv');
    writeFileSync(file, `Вхідний індекс;Дата надходження;Запитувач\r\n1;02.11.2026;${'я'.repeat(10 * 1024 * 1024)}\r\n2;03.11.2026;Особа\r\n`);
    await expect(previewImport(t.db, { file })).rejects.toThrow(new RegExp(`Рядок 2 файлу довший за ${(MAX_RECORD_CHARS).toLocaleString('uk-UA')} знаків`));
    expect(snapshot().requests).toBe(0);
  });

  it('reads a large XLSX with the streaming reader (no merged-cell model), the same rows as a CSV', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(t.dir, 'big.xlsx'), useSharedStrings: false });
    const ws = wb.addWorksheet('Журнал');
    ws.addRow(['Журнал реєстрації запитів на публічну інформацію']).commit();
    ws.addRow(['Вхідний індекс', 'Дата надходження', 'Запитувач', 'Адреса, контакти', 'Зміст запиту', 'Результат розгляду', 'Дата відповіді']).commit();
    const N = 40_000; // over the whole-file limit (4 MB) once written
    for (let i = 0; i < N; i++) ws.addRow([`З-${i + 1}`, '02.11.2026', `Особа ${i} ${'довге прізвище '.repeat(4)}`, `вул. Садова, ${i}`, `Запит ${i} ${'зміст '.repeat(8)}`, i % 2 ? 'надано відповідь' : '', i % 2 ? '05.11.2026' : '']).commit();
    ws.commit();
    await wb.commit();
    const r = await previewImport(t.db, { file: join(t.dir, 'big.xlsx') });
    expect(r).toMatchObject({ format: 'xlsx', sheet: 'Журнал', headerLine: 2, rows: N, imported: N, open: N / 2, refused: 0 });
    expect(r.samples.map((s) => s.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  }, 300_000);
});

describe('an import in a worker', () => {
  it('is cancelled in its write phase: nothing of it remains, counters unchanged, verify clean', async () => {
    for (let i = 0; i < 3; i++) registerRequest(t.db, sampleRequest({ receivedAt: `2026-11-2${i}T10:00:00+02:00` }));
    const before = snapshot();
    const h = createHandlers(t.db);
    const file = bigCsv('big.csv', 50_000, 4);
    const job = await call(h, 'import:run', { file });
    await waitJob(h, job.id, writing, 'writing');
    // The window's thread answers while the worker writes: a read on its own connection (WAL).
    expect(gateOf(t.db).jobWriting).toBe(true);
    const read = await dispatch(h, 'requests:get', { index: 'З-1' });
    expect(read).toMatchObject({ ok: true, value: { index: 'З-1' } });
    expect(gateOf(t.db).jobWriting).toBe(true); // still inside the write when the read answered
    await call(h, 'jobs:cancel', { id: job.id });
    const end = await waitJob(h, job.id, finished, 'finished');
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toMatch(/скасовано/);
    expect(snapshot()).toEqual(before);
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, findings: [] });
    // The desk goes on numbering where it was.
    expect(registerRequest(t.db, sampleRequest()).index).toBe('З-4');
  }, 600_000);

  it('lets a registration made during the write wait for the commit: it gets the next free number, nothing is lost', async () => {
    registerRequest(t.db, sampleRequest({ receivedAt: '2026-11-20T10:00:00+02:00' }));
    const h = createHandlers(t.db);
    const N = 6000;
    const file = bigCsv('mid.csv', N, 2);
    const job = await call(h, 'import:run', { file });
    await waitJob(h, job.id, writing, 'writing');
    expect(gateOf(t.db).jobWriting).toBe(true);
    const pending = dispatch(h, 'requests:register', sampleRequest({ requesterName: 'Відвідувач під час імпорту' }));
    // It waits for the import (a promise), instead of blocking the window or failing as busy.
    expect(pending).toBeInstanceOf(Promise);
    const reg = (await pending) as { ok: boolean; value: { index: string } };
    expect(reg).toMatchObject({ ok: true, value: { index: `З-${N + 2}` } });
    const end = await waitJob(h, job.id, finished, 'finished');
    expect(end.state).toBe('done');
    expect(count('SELECT count(*) FROM requests')).toBe(N + 2);
    expect(count('SELECT count(*) FROM (SELECT incoming_index FROM requests GROUP BY year, incoming_index HAVING count(*) > 1)')).toBe(0);
    expect(getRequest(t.db, { index: `З-${N + 2}` }).requesterName).toBe('Відвідувач під час імпорту');
    expect(verifyRegister(t.db)).toMatchObject({ ok: true, findings: [] });
  }, 600_000);

  it('fails whole when the desk gave one of its numbers while the file was being checked', async () => {
    const file = bigCsv('clash.csv', 3000, 1);
    const h = createHandlers(t.db);
    // Planned against an empty register, then З-1 is given at the desk before the write.
    const plan = previewImport(t.db, { file });
    await plan;
    const job = await call(h, 'import:run', { file });
    registerRequest(t.db, sampleRequest());
    const end = await waitJob(h, job.id, finished, 'finished');
    if (end.state === 'failed') {
      expect(end.error?.message).toMatch(/зареєстровано, поки файл перевірявся|уже є в реєстрі/);
      expect(count('SELECT count(*) FROM requests')).toBe(1);
    } else {
      // The registration came before the check read the register: the row was refused, never doubled.
      expect((end.result as { refused: number }).refused).toBe(1);
    }
    expect(count('SELECT count(*) FROM (SELECT incoming_index FROM requests GROUP BY year, incoming_index HAVING count(*) > 1)')).toBe(0);
    expect(verifyRegister(t.db).ok).toBe(true);
  }, 300_000);
});

describe('what the clerk sees of an import', () => {
  it('imports open rows («на розгляді», empty result, blank result date) as open requests with running terms', async () => {
    const file = join(t.dir, 'open.csv');
    writeFileSync(
      file,
      [
        'Вх. №;Дата надходження;Запитувач;Адреса;Зміст;Результат розгляду;Дата відповіді',
        '1;02.11.2026;Петренко;вул. Лісова, 1;Про тарифи;на розгляді;  ',
        '2;03.11.2026;Іваненко;вул. Лісова, 2;Про бюджет;;',
        '3;04.11.2026;Сидоренко;вул. Лісова, 3;Про ремонт;надано відповідь;06.11.2026',
      ].join('\r\n'),
    );
    const r = await runImport(t.db, { file });
    expect(r).toMatchObject({ imported: 3, open: 2, refused: 0, problems: [] });
    expect(getRequest(t.db, { index: '1' })).toMatchObject({ status: 'registered' });
    expect(getRequest(t.db, { index: '1' }).dueDate).toBeTruthy();
    expect(getRequest(t.db, { index: '2' }).status).toBe('registered');
    expect(getRequest(t.db, { index: '3' }).status).toBe('answered');
    // Nothing invented: what the journal does not say is recorded as not stated.
    const one = getRequest(t.db, { index: '1' });
    expect(one).toMatchObject({ signed: null, form: null, replyBy: null });
    expect(one.state.notes.join('\n')).toContain('у журналі не зазначено: час надходження, спосіб надходження, форма запиту, спосіб отримання відповіді, підпис');
    expect(r.preview[0]!.unknown).toEqual(['час надходження', 'спосіб надходження', 'форма запиту', 'спосіб отримання відповіді', 'підпис']);
    expect(r.warnings).toEqual([]);
  });

  it('takes a mapping by column letters, offers every column with samples, and names fields in Ukrainian in its messages', async () => {
    const file = join(t.dir, 'letters.csv');
    writeFileSync(file, ['Номер;Хто;Коли;Що', '7;Бондар;02.11.2026;Про дах', '8;Ткачук;03.11.2026;Про світло'].join('\r\n'));
    await expect(previewImport(t.db, { file })).rejects.toThrow(/Не знайдено рядок заголовків.*вхідний номер/);
    const r = await previewImport(t.db, { file, mapping: { headerRow: 1, columns: { index: 'A', requesterName: 'B', receivedAt: 'C', description: 'D' } } });
    expect(r).toMatchObject({ imported: 2, columns: { index: 0, requesterName: 1, receivedAt: 2, description: 3 } });
    expect(r.samples).toEqual([
      { column: 0, letter: 'A', header: 'Номер', values: ['7', '8'] },
      { column: 1, letter: 'B', header: 'Хто', values: ['Бондар', 'Ткачук'] },
      { column: 2, letter: 'C', header: 'Коли', values: ['02.11.2026', '03.11.2026'] },
      { column: 3, letter: 'D', header: 'Що', values: ['Про дах', 'Про світло'] },
    ]);
    await expect(previewImport(t.db, { file, mapping: { headerRow: 1, columns: { index: 'A', receivedAt: 'C', resultDate: 'Дата відп.' } } })).rejects.toThrow(
      'Колонки «Дата відп.» для поля «Дата відповіді» немає в рядку заголовків',
    );
    // «-»: a field recognised by its header but not wanted.
    const none = await previewImport(t.db, { file, mapping: { headerRow: 1, columns: { index: 'A', receivedAt: 'C', requesterName: '-' } } });
    expect(none.columns.requesterName).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });
});
