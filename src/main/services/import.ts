/**
 * Importing an old journal: a dry run that says what would be imported and why each other row
 * cannot be, then the import. Imported requests go through the event log like any other (a
 * `registered` event with the original number, then their results), so state, search, journals
 * and reports treat them the same; the year's counter continues after them.
 *
 * Memory stays bounded: the file is read as a stream, and the rows that pass are kept in a TEMP
 * table of this connection (its own file, which takes no lock on the register) until written.
 *
 * The write is ONE transaction, interrupted between rows when the clerk cancels (`cancelled()`,
 * a flag shared with the window's thread). Batches committed one by one cannot be taken back:
 * events and requests are append-only and counters only grow (triggers, and `verify` checks the
 * chain), so "nothing of a cancelled import remains" is only true of a transaction never
 * committed. What makes one transaction fit the clerk's promises:
 * - everything slow (reading, parsing, validating) happens before it, so the write phase is
 *   inserts only;
 * - its start and end are fenced by the write gate (src/main/worker/writeGate.ts): a registration
 *   made at the desk meanwhile waits, without blocking the window, for the commit or the
 *   rollback, instead of failing on SQLite's busy timeout — and then takes the counter as the
 *   import left it, so it can never get a number the import uses;
 * - every imported number is checked again under the lock, so a number given at the desk while
 *   the file was being checked fails the import with a clear message, never the registration.
 */
import { randomUUID } from 'node:crypto';
import { kyivDate, parseInstant } from '../../shared/calendar';
import type { EventPayloads, EventType, Registration } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { ColumnSample } from '../../shared/importFields';
import { importInput, importMapping, type ImportField } from '../../shared/journalInputs';
import { missingParts, normalizeRegistration } from '../../shared/registration';
import { IMPORT_UNSTATED } from '../../shared/wording';
import { formatIssues, parseInput, registerInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { markImport, type HeldMarker } from '../db/importMarker';
import { columnSamples, HEADER_SEARCH_ROWS, parseRow, resolveColumns, type Candidate } from '../journals/importJournal';
import { openTable, type Row } from '../journals/importTable';
import { insertEvent, newEvent } from './eventLog';
import { CancelledError, isCancelled, yieldToLoop, type JobControl } from './jobs';
import { calendarAndRules, refreshProjection } from './projection';
import { insertRequestRow } from './registration';
import { activeJournalId } from './journals';
import { getSettings } from './settings';

export interface ImportProblem {
  line: number;
  index: string;
  reason: string;
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheet: string | null;
  headerLine: number;
  /** Field → 0-based column, as used (recognised by header words, then the clerk's choices). */
  columns: Partial<Record<ImportField, number>>;
  /** The file's columns with their letters, headers and first values, for the mapping screen. */
  samples: ColumnSample[];
  /** Data rows (empty rows not counted). */
  rows: number;
  emptyRows: number;
  /** Imported, or (dry run) that would be. */
  imported: number;
  /** Rows imported as open requests (no result in the journal yet). */
  open: number;
  refused: number;
  /** The first refused rows with their reasons (all of them are counted in `refused`). */
  problems: ImportProblem[];
  warnings: { line: number; index: string; message: string }[];
  /** The counters after the import (or as they would be): the next number is `last + 1`. */
  counters: { year: number; last: number }[];
  preview: { line: number; index: string; receivedAt: string; requesterName: string; result: string | null; unknown: string[] }[];
}

/** Rows between progress reports and looks at the cancel flag while reading. */
const CHUNK = 1000;
/** Rows fetched from the TEMP table at a time in the write phase. */
const PAGE = 500;
/** Refused rows and warnings listed one by one; beyond that they are only counted. */
const LISTED = 1000;
/** Rows of the file kept to find the header and show samples; the rest flow through. */
const TOP_ROWS = HEADER_SEARCH_ROWS + 20;

/** A TEMP table per import: two imports on one connection (in-process, tests) never share one. */
const tempTable = () => `temp.import_rows_${randomUUID().replace(/-/g, '')}`;

/** Validates the rows against the register (numbers taken, repeated in the file) and the registration rules. */
async function plan(db: Db, raw: unknown, ctl: JobControl, dryRun: boolean) {
  const input = parseInput(importInput, raw);
  const mapping = input.mapping ?? parseInput(importMapping, {});
  const table = await openTable(input.file, mapping);
  const rows = table.rows[Symbol.asyncIterator]();
  // The header is looked for in the first rows; a header row named by the clerk may be lower.
  const top: Row[] = [];
  const keep = Math.max(TOP_ROWS, (mapping.headerRow ?? 0) + 20);
  let next = await rows.next();
  while (!next.done && top.length < keep) {
    top.push(next.value);
    next = await rows.next();
  }
  if (isCancelled(ctl)) throw new CancelledError();
  const { headerLine, columns, problems: headerProblems } = resolveColumns(top, mapping);
  if (headerProblems.length) throw new AppError('invalid_input', headerProblems.join('; '));
  const journal = getSettings(db).index.journal;
  const journalId = activeJournalId(db);
  const existing = db.sqlite.prepare('SELECT year, seq, incoming_index AS idx FROM requests WHERE journal_id = ?').all(journalId) as { year: number; seq: number; idx: string }[];
  const taken = new Set(existing.map((r) => `${r.year}:${r.seq}`));
  // The printed index is unique per journal and year, whatever the number inside it.
  const takenIndex = new Set(existing.map((r) => `${r.year}:${r.idx}`));
  const inFile = new Map<string, number>();
  const today = kyivDate(db.now());
  const { info } = table;
  const report: ImportReport = {
    file: input.file, dryRun, format: info.format, encoding: info.encoding, sheet: info.sheet, headerLine, columns, samples: columnSamples(top, headerLine),
    rows: 0, emptyRows: 0, imported: 0, open: 0, refused: 0, problems: [], warnings: [], counters: [], preview: [],
  };
  const last = new Map<number, number>();
  for (const r of db.sqlite.prepare('SELECT year, last FROM counters WHERE journal = ? AND series = \'\'').all(journalId) as { year: number; last: number }[]) last.set(r.year, r.last);
  const temp = tempTable();
  if (!dryRun) db.sqlite.exec(`CREATE TABLE ${temp} (n INTEGER PRIMARY KEY, c TEXT NOT NULL)`);
  const spill = dryRun ? null : db.sqlite.prepare(`INSERT INTO ${temp} (c) VALUES (?)`);
  let batch: Candidate[] = [];
  const flush = () => {
    if (spill && batch.length) db.sqlite.transaction((b: Candidate[]) => b.forEach((c) => spill.run(JSON.stringify(c))))(batch);
    batch = [];
  };
  const take = (row: Row) => {
    const { line, cells } = row;
    if (line <= headerLine) return;
    const out = parseRow(line, cells, columns, today);
    if (out.ok === 'empty') {
      report.emptyRows++;
      return;
    }
    report.rows++;
    const refuse = (index: string, reason: string) => {
      report.refused++;
      if (report.problems.length < LISTED) report.problems.push({ line, index, reason });
    };
    if (out.ok === false) return refuse(out.index, out.reason);
    const c = out.candidate;
    const key = `${c.year}:${c.seq}`;
    if (taken.has(key)) return refuse(c.index, `Номер ${c.seq} за ${c.year} рік уже є в реєстрі`);
    if (inFile.has(key)) return refuse(c.index, `Номер ${c.seq} за ${c.year} рік повторює рядок ${inFile.get(key)} файлу`);
    const v = registerInput.safeParse(validatable(c));
    if (!v.success) return refuse(c.index, formatIssues(v.error));
    if (takenIndex.has(`${c.year}:${c.index}`)) return refuse(c.index, `Номер ${c.index} за ${c.year} рік уже є в реєстрі`);
    takenIndex.add(`${c.year}:${c.index}`);
    inFile.set(key, line);
    report.imported++;
    if (!c.result) report.open++;
    last.set(c.year, Math.max(last.get(c.year) ?? 0, c.seq));
    batch.push(c);
    if (batch.length >= CHUNK) flush();
    for (const message of c.warnings) if (report.warnings.length < LISTED) report.warnings.push({ line, index: c.index, message });
    if (report.preview.length < 20)
      report.preview.push({ line, index: c.index, receivedAt: c.receivedAt, requesterName: String(c.registration.requesterName), result: c.result?.kind ?? null, unknown: c.unknown });
  };
  let seen = 0;
  const step = async () => {
    if (++seen % CHUNK !== 0) return;
    ctl.onProgress?.({ done: info.read, total: info.size, phase: 'reading' });
    await yieldToLoop();
    if (isCancelled(ctl)) throw new CancelledError();
  };
  try {
    for (const row of top) {
      take(row);
      await step();
    }
    for (; !next.done; next = await rows.next()) {
      take(next.value);
      await step();
    }
    flush();
  } catch (e) {
    if (!dryRun) db.sqlite.exec(`DROP TABLE IF EXISTS ${temp}`);
    await rows.return?.(undefined);
    throw e;
  }
  report.sheet = info.sheet;
  report.counters = [...last].map(([year, l]) => ({ year, last: l })).sort((a, b) => a.year - b.year);
  return { report, journal, journalId, temp };
}

/**
 * The schema wants a channel; an unknown one is checked as if it were post — which, unlike e-mail
 * or fax, adds no rule of its own — and is put back as null (unknown) right after (`importedRegistration`).
 * Form, reply way and signature are not the schema's to check here: they are put in as the journal states them.
 */
const validatable = (c: Candidate) => ({ ...c.registration, channel: c.channel ?? 'post' });

/** The registration as the journal states it: unknown time, channel, form, reply way and signature stay unknown. */
function importedRegistration(c: Candidate): Registration {
  const reg = normalizeRegistration(parseInput(registerInput, validatable(c)), c.receivedAt);
  return {
    ...reg,
    channel: c.channel,
    form: c.form,
    replyBy: c.replyBy,
    signed: c.signed,
    ...(c.receivedTimeKnown === false ? { receivedTimeKnown: false } : {}),
  };
}

/**
 * The moment of a result: noon of its day, never before the receipt (the fold dates closures by it).
 * A result of unknown date is put at the receipt: the event needs an instant to be ordered, and the
 * fold takes its date from the payload (null), never from this.
 */
function resultAt(c: Candidate): Date {
  const received = new Date(c.receivedAt);
  if (c.resultDate === null) return received;
  const noon = parseInstant(`${c.resultDate}T12:00`)!;
  return noon < received ? received : noon;
}

function insertCandidate(db: Db, c: Candidate, journal: string, journalId: string): string {
  const reg = importedRegistration(c);
  const missing = missingParts(reg);
  const id = randomUUID();
  insertRequestRow(db, { id, journal, journalId, year: c.year, series: '', seq: c.seq, index: c.index, reg, missing });
  const received = new Date(c.receivedAt);
  const add = <T extends EventType>(type: T, payload: EventPayloads[T], at: Date) => insertEvent(db, newEvent(db, id, type, payload, at));
  add('registered', { ...reg, index: c.index, journal, year: c.year, seq: c.seq }, received);
  if (c.executor) add('assigned', { executor: c.executor }, received);
  if (c.extension) add('extended', { reason: c.extension }, received);
  const r = c.result;
  if (r?.kind === 'answered') add('answered', { date: c.resultDate, ...(c.outgoingIndex ? { outgoingIndex: c.outgoingIndex } : {}) }, resultAt(c));
  // A closing letter the journal gives without its date says so (`date: null`): the fold then
  // leaves its closing day unknown instead of taking the event's moment (the receipt) for it.
  const undated = c.resultDate === null ? { date: null } : {};
  if (r?.kind === 'refused') add('refused', { ground: r.ground, explanation: 'Обґрунтування в імпортованому журналі не наведено.', ...undated }, resultAt(c));
  else if (r?.kind === 'redirected') add('redirected', { holder: r.holder, ...undated }, resultAt(c));
  else if (r?.kind === 'not_considered') add('not_considered', { missing: r.missing, ...undated }, resultAt(c));
  if (c.note) add('note', { text: c.note.slice(0, 5000) }, received);
  if (r?.kind === 'voided') add('voided', { reason: r.reason }, received);
  const unknown = c.unknown ?? [];
  add('note', { text: `Імпортовано з журналу, рядок ${c.line}${unknown.length ? `; ${IMPORT_UNSTATED}${unknown.join(', ')}` : ''}` }, received);
  return id;
}

export async function previewImport(db: Db, raw: unknown, ctl: JobControl = {}): Promise<ImportReport> {
  return (await plan(db, raw, ctl, true)).report;
}

export async function runImport(db: Db, raw: unknown, ctl: JobControl = {}): Promise<ImportReport> {
  const { report, journal, journalId, temp } = await plan(db, raw, ctl, false);
  const total = report.imported;
  const page = db.sqlite.prepare(`SELECT n, c FROM ${temp} WHERE n > ? ORDER BY n LIMIT ${PAGE}`);
  // Two lookups, each on its unique index (an OR would scan the table for every row).
  const seqTaken = db.sqlite.prepare("SELECT 1 FROM requests WHERE journal_id = ? AND year = ? AND series = '' AND seq = ?");
  const indexTaken = db.sqlite.prepare('SELECT 1 FROM requests WHERE journal_id = ? AND year = ? AND incoming_index = ?');
  let marker: HeldMarker | null = null;
  const write = db.sqlite.transaction(() => {
    // The terms in force when the lock is taken (a settings change may have come while reading).
    const ctx = calendarAndRules(db);
    let done = 0;
    for (let after = 0; ; ) {
      const rows = page.all(after) as { n: number; c: string }[];
      if (rows.length === 0) break;
      for (const { n, c: json } of rows) {
        // The flag is read between rows: a cancel stops the write within one row's work.
        if (isCancelled(ctl)) throw new CancelledError();
        const c = JSON.parse(json) as Candidate;
        if (seqTaken.get(journalId, c.year, c.seq) || indexTaken.get(journalId, c.year, c.index))
          throw new AppError('conflict', `Номер ${c.index} за ${c.year} рік зареєстровано, поки файл перевірявся (рядок ${c.line}). Нічого не імпортовано; перевірте файл ще раз.`);
        refreshProjection(db, insertCandidate(db, c, journal, journalId), ctx);
        after = n;
        if (++done % PAGE === 0) {
          marker?.progress(done);
          ctl.onProgress?.({ done, total, phase: 'writing' });
        }
      }
    }
    const up = db.sqlite.prepare('INSERT INTO counters (journal, year, last) VALUES (?, ?, ?) ON CONFLICT(journal, year, series) DO UPDATE SET last = max(last, excluded.last)');
    for (const c of report.counters) up.run(journalId, c.year, c.last);
  });
  ctl.onProgress?.({ done: 0, total, phase: 'writing' });
  // The gate first, then SQLite's lock: the desk's own writes wait for the gate (without blocking
  // the window) rather than for SQLite's busy timeout. Other processes see the marker and wait too
  // (src/main/db/importMarker.ts); it goes only after the commit or the rollback.
  await ctl.writeGate?.acquire();
  try {
    marker = markImport(db.path, total);
    write.immediate();
  } finally {
    marker?.release();
    ctl.writeGate?.release();
    db.sqlite.exec(`DROP TABLE IF EXISTS ${temp}`);
  }
  ctl.onProgress?.({ done: total, total, phase: 'writing' });
  return report;
}
