/**
 * Importing an old journal: a dry run that says what would be imported and why each other row
 * cannot be, then the import in one transaction. Imported requests go through the event log like
 * any other (a `registered` event with the original number, then their results), so state,
 * search, journals and reports treat them the same; the year's counter continues after them.
 */
import { randomUUID } from 'node:crypto';
import { kyivDate, parseInstant } from '../../shared/calendar';
import type { EventPayloads, EventType } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { importInput, importMapping, type ImportField } from '../../shared/journalInputs';
import { missingParts, normalizeRegistration } from '../../shared/registration';
import { formatIssues, parseInput, registerInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { parseRow, resolveColumns, type Candidate } from '../journals/importJournal';
import { readTable } from '../journals/importTable';
import { insertEvent, newEvent } from './eventLog';
import { throwIfCancelled, yieldToLoop, type JobControl } from './jobs';
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
  columns: Partial<Record<ImportField, number>>;
  /** Data rows (empty rows not counted). */
  rows: number;
  emptyRows: number;
  /** Imported, or (dry run) that would be. */
  imported: number;
  refused: number;
  problems: ImportProblem[];
  warnings: { line: number; index: string; message: string }[];
  /** The counters after the import (or as they would be): the next number is `last + 1`. */
  counters: { year: number; last: number }[];
  preview: { line: number; index: string; receivedAt: string; requesterName: string; result: string | null }[];
}

const CHUNK = 1000;

/** Validates the rows against the register (numbers taken, repeated in the file) and the registration rules. */
async function plan(db: Db, raw: unknown, ctl: JobControl, dryRun: boolean) {
  const input = parseInput(importInput, raw);
  const mapping = input.mapping ?? parseInput(importMapping, {});
  const table = await readTable(input.file, mapping);
  throwIfCancelled(ctl.signal);
  const { headerLine, columns, problems: headerProblems } = resolveColumns(table, mapping);
  if (headerProblems.length) throw new AppError('invalid_input', headerProblems.join('; '));
  const journal = getSettings(db).index.journal;
  const journalId = activeJournalId(db);
  const existing = db.sqlite.prepare('SELECT year, seq, incoming_index AS idx FROM requests WHERE journal_id = ?').all(journalId) as { year: number; seq: number; idx: string }[];
  const taken = new Set(existing.map((r) => `${r.year}:${r.seq}`));
  // The printed index is unique per journal and year, whatever the number inside it.
  const takenIndex = new Set(existing.map((r) => `${r.year}:${r.idx}`));
  const inFile = new Map<string, number>();
  const today = kyivDate(db.now());
  const report: ImportReport = {
    file: input.file, dryRun, format: table.format, encoding: table.encoding, sheet: table.sheet, headerLine, columns,
    rows: 0, emptyRows: 0, imported: 0, refused: 0, problems: [], warnings: [], counters: [], preview: [],
  };
  const accepted: Candidate[] = [];
  const data = table.rows.filter((r) => r.line > headerLine);
  for (let i = 0; i < data.length; i++) {
    if (i % CHUNK === 0 && i > 0) {
      ctl.onProgress?.({ done: i, total: data.length * (dryRun ? 1 : 2) });
      await yieldToLoop();
      throwIfCancelled(ctl.signal);
    }
    const { line, cells } = data[i]!;
    const out = parseRow(line, cells, columns, today);
    if (out.ok === 'empty') {
      report.emptyRows++;
      continue;
    }
    report.rows++;
    const refuse = (index: string, reason: string) => {
      report.refused++;
      report.problems.push({ line, index, reason });
    };
    if (out.ok === false) {
      refuse(out.index, out.reason);
      continue;
    }
    const c = out.candidate;
    const key = `${c.year}:${c.seq}`;
    if (taken.has(key)) {
      refuse(c.index, `Номер ${c.seq} за ${c.year} рік уже є в реєстрі`);
      continue;
    }
    if (inFile.has(key)) {
      refuse(c.index, `Номер ${c.seq} за ${c.year} рік повторює рядок ${inFile.get(key)} файлу`);
      continue;
    }
    const v = registerInput.safeParse(c.registration);
    if (!v.success) {
      refuse(c.index, formatIssues(v.error));
      continue;
    }
    if (takenIndex.has(`${c.year}:${c.index}`)) {
      refuse(c.index, `Номер ${c.index} за ${c.year} рік уже є в реєстрі`);
      continue;
    }
    takenIndex.add(`${c.year}:${c.index}`);
    inFile.set(key, line);
    accepted.push(c);
    for (const message of c.warnings) report.warnings.push({ line, index: c.index, message });
    if (report.preview.length < 20)
      report.preview.push({ line, index: c.index, receivedAt: c.receivedAt, requesterName: String(c.registration.requesterName), result: c.result?.kind ?? null });
  }
  report.imported = accepted.length;
  const last = new Map<number, number>();
  for (const r of db.sqlite.prepare('SELECT year, last FROM counters WHERE journal = ?').all(journalId) as { year: number; last: number }[]) last.set(r.year, r.last);
  for (const c of accepted) last.set(c.year, Math.max(last.get(c.year) ?? 0, c.seq));
  report.counters = [...last].map(([year, l]) => ({ year, last: l })).sort((a, b) => a.year - b.year);
  return { report, accepted, journal, journalId };
}

/** The moment of a result: noon of its day, never before the receipt (the fold dates closures by it). */
function resultAt(c: Candidate): Date {
  const noon = parseInstant(`${c.resultDate}T12:00`)!;
  const received = new Date(c.receivedAt);
  return noon < received ? received : noon;
}

function insertCandidate(db: Db, c: Candidate, journal: string, journalId: string): string {
  const reg = normalizeRegistration(parseInput(registerInput, c.registration), c.receivedAt);
  const missing = missingParts(reg);
  const id = randomUUID();
  insertRequestRow(db, { id, journal, journalId, year: c.year, seq: c.seq, index: c.index, reg, missing });
  const received = new Date(c.receivedAt);
  const add = <T extends EventType>(type: T, payload: EventPayloads[T], at: Date) => insertEvent(db, newEvent(db, id, type, payload, at));
  add('registered', { ...reg, index: c.index, journal, year: c.year, seq: c.seq }, received);
  if (c.executor) add('assigned', { executor: c.executor }, received);
  if (c.extension) add('extended', { reason: c.extension }, received);
  const r = c.result;
  if (r?.kind === 'answered') add('answered', { date: c.resultDate!, ...(c.outgoingIndex ? { outgoingIndex: c.outgoingIndex } : {}) }, resultAt(c));
  else if (r?.kind === 'refused') add('refused', { ground: r.ground, explanation: 'з імпортованого журналу' }, resultAt(c));
  else if (r?.kind === 'redirected') add('redirected', { holder: r.holder }, resultAt(c));
  else if (r?.kind === 'not_considered') add('not_considered', { missing: r.missing }, resultAt(c));
  if (c.note) add('note', { text: c.note.slice(0, 5000) }, received);
  if (r?.kind === 'voided') add('voided', { reason: r.reason }, received);
  add('note', { text: `Імпортовано з журналу, рядок ${c.line}` }, received);
  return id;
}

export async function previewImport(db: Db, raw: unknown, ctl: JobControl = {}): Promise<ImportReport> {
  return (await plan(db, raw, ctl, true)).report;
}

export async function runImport(db: Db, raw: unknown, ctl: JobControl = {}): Promise<ImportReport> {
  const { report, accepted, journal, journalId } = await plan(db, raw, ctl, false);
  const ctx = calendarAndRules(db);
  const total = accepted.length * 2;
  // One transaction: a cancel or a failure at any row rolls back every row. better-sqlite3 runs it
  // synchronously, so the signal is checked between chunks through the progress callback's turn.
  const write = db.sqlite.transaction(() => {
    accepted.forEach((c, i) => {
      if (i % CHUNK === 0) {
        throwIfCancelled(ctl.signal);
        ctl.onProgress?.({ done: accepted.length + i, total });
      }
      refreshProjection(db, insertCandidate(db, c, journal, journalId), ctx);
    });
    throwIfCancelled(ctl.signal);
    const up = db.sqlite.prepare('INSERT INTO counters (journal, year, last) VALUES (?, ?, ?) ON CONFLICT(journal, year) DO UPDATE SET last = max(last, excluded.last)');
    for (const c of report.counters) up.run(journalId, c.year, c.last);
  });
  write.immediate();
  ctl.onProgress?.({ done: total, total });
  return report;
}
