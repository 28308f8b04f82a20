/**
 * From the rows of an old journal to requests the register can take: which column is which,
 * and for every row either a candidate or the reason it cannot be imported.
 */
import { kyivIso, parseInstant } from '../../shared/calendar';
import type { IsoDate } from '../../shared/calendar/types';
import { isValidIsoDate } from '../../shared/calendar';
import type { Channel, RefusalGround, ReplyWay, RequesterType, RequestForm } from '../../shared/domain';
import { columnLetter, IMPORT_FIELD_LABELS, NO_COLUMN, type ColumnSample } from '../../shared/importFields';
import type { ImportField, ImportMapping } from '../../shared/journalInputs';
import type { Cell, Row } from './importTable';
import { UNSTATED_PART } from '../../shared/wording';

/** Header words per field, most specific first; our own journal's headers come first of all. */
const ALIASES: [ImportField, string[]][] = [
  ['resultDate', ['дата відповіді', 'дата розгляду', 'дата вихідного']],
  ['receivedTime', ['час надходження']],
  ['receivedAt', ['дата і час надходження', 'дата надходження', 'дата реєстрації', 'дата']],
  ['outgoingIndex', ['вихідний №', 'вихідний номер', 'вих. №', 'вих №']],
  ['index', ['вхідний індекс', 'вхідний номер', 'вх. №', 'вх №', 'реєстраційний номер', 'індекс', '№ запиту']],
  ['requesterType', ['категорія запитувача', 'тип запитувача', 'категорія']],
  ['contacts', ['адреса, контакти', 'контакти']],
  ['postalAddress', ['поштова адреса', 'адреса']],
  ['email', ['електронна пошта', 'e-mail', 'email']],
  ['phone', ['телефон']],
  ['requesterName', ['запитувач', 'піб', 'найменування', 'прізвище']],
  ['replyBy', ['спосіб отримання відповіді', 'спосіб відповіді', 'відповідь надіслати']],
  ['channel', ['форма і спосіб надходження', 'спосіб надходження', 'канал']],
  ['form', ['форма запиту']],
  ['description', ['зміст запиту', 'короткий зміст', 'зміст', 'опис']],
  ['urgent', ['терміновий']],
  ['executor', ['виконавець']],
  ['deadline', ['строк відповіді', 'строк']],
  ['extension', ['продовження строку', 'продовження']],
  ['refusalGround', ['підстава відмови']],
  ['redirectHolder', ['кому направлено', 'розпорядник']],
  ['result', ['результат розгляду', 'результат', 'стан']],
  ['note', ['примітка']],
  ['signed', ['підпис']],
];

const norm = (s: unknown) => String(s ?? '').toLocaleLowerCase('uk').replace(/\s+/g, ' ').trim();

/** Column number (0-based) from a letter (`C`), a number (`3`) or a header text. */
function columnOf(spec: string, header: Cell[]): number | null {
  if (/^[A-Z]{1,2}$/.test(spec)) return [...spec].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (/^\d+$/.test(spec)) return Number(spec) - 1;
  const i = header.findIndex((h) => norm(h) === norm(spec));
  return i < 0 ? null : i;
}

export type ColumnMap = Partial<Record<ImportField, number>>;

function autoColumns(header: Cell[]): ColumnMap {
  const map: ColumnMap = {};
  const taken = new Set<number>();
  const assign = (match: (h: string, a: string) => boolean) => {
    for (const [field, aliases] of ALIASES) {
      if (map[field] !== undefined) continue;
      const i = header.findIndex((h, k) => !taken.has(k) && h !== null && aliases.some((a) => match(norm(h), a)));
      if (i >= 0) (map[field] = i), taken.add(i);
    }
  };
  assign((h, a) => h === a);
  assign((h, a) => h.includes(a));
  return map;
}

/** How many rows from the top may come before the header (titles, council name, blank lines). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The header row (given, or the first of the first rows naming an index and a date) and the column
 * map: recognised by the header words, then the clerk's choices on top (a letter, a number, a
 * header text, or «-» for a field the file does not have).
 */
export function resolveColumns(top: Row[], m: ImportMapping): { headerLine: number; columns: ColumnMap; problems: string[] } {
  const candidates = m.headerRow ? top.filter((r) => r.line === m.headerRow) : top.slice(0, HEADER_SEARCH_ROWS);
  for (const r of candidates) {
    const columns = autoColumns(r.cells);
    const problems: string[] = [];
    for (const [field, spec] of Object.entries(m.columns) as [ImportField, string][]) {
      if (spec === NO_COLUMN) {
        delete columns[field];
        continue;
      }
      const c = columnOf(spec, r.cells);
      if (c === null) problems.push(`Колонки «${spec}» для поля «${IMPORT_FIELD_LABELS[field]}» немає в рядку заголовків`);
      else columns[field] = c;
    }
    if ((columns.index !== undefined && columns.receivedAt !== undefined) || m.headerRow) return { headerLine: r.line, columns, problems };
  }
  return {
    headerLine: 0,
    columns: {},
    problems: ['Не знайдено рядок заголовків з колонками вхідного номера і дати надходження. Вкажіть, у якій колонці вхідний номер і в якій дата надходження.'],
  };
}

const SAMPLE_VALUES = 3;

/** The header row's columns with their first few values, for the mapping screen's drop-downs. */
export function columnSamples(top: Row[], headerLine: number): ColumnSample[] {
  const header = top.find((r) => r.line === headerLine)?.cells ?? [];
  const data = top.filter((r) => r.line > headerLine && r.cells.some((c) => c !== null && text(c) !== ''));
  const width = Math.max(header.length, ...data.map((r) => r.cells.length), 0);
  return Array.from({ length: width }, (_, column) => ({
    column,
    letter: columnLetter(column),
    header: text(header[column] ?? null).slice(0, 80),
    values: data
      .map((r) => text(r.cells[column] ?? null))
      .filter((v) => v !== '')
      .slice(0, SAMPLE_VALUES)
      .map((v) => v.slice(0, 60)),
  }));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** A date (and time) from a cell: a spreadsheet date, an Excel serial, `23.11.2026 [10:15]`, `2026-11-23`. */
export function parseDateCell(v: Cell): { date: IsoDate; time: string | null } | null {
  if (v === null || v === '') return null;
  if (v instanceof Date) {
    // Spreadsheet dates are wall-clock time in the UTC fields (see xlsxCells.ts).
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const time = v.getUTCHours() || v.getUTCMinutes() ? `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` : null;
    return { date, time };
  }
  if (typeof v === 'number') return v > 0 && v < 200_000 ? parseDateCell(new Date(EXCEL_EPOCH + Math.round(v * 86_400_000))) : null;
  const s = String(v).trim();
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})(?:\s*р\.?)?(?:[ ,T]+(\d{1,2})[:.](\d{2})(?::\d{2})?)?$/.exec(s);
  let parts: [number, number, number, string | undefined, string | undefined] | null = null;
  if (m) parts = [m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5]];
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(s);
  if (!parts && m) parts = [Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]];
  if (!parts) return null;
  const date = `${parts[0]}-${pad(parts[1])}-${pad(parts[2])}`;
  if (!isValidIsoDate(date)) return null;
  if (parts[3] !== undefined && (Number(parts[3]) > 23 || Number(parts[4]) > 59)) return null;
  return { date, time: parts[3] !== undefined ? `${pad(Number(parts[3]))}:${parts[4]}` : null };
}

const text = (v: Cell): string => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

function channelOf(s: string): Channel | null {
  const t = norm(s);
  if (t === '') return null;
  if (/електрон|e-?mail|ел\. ?пошт/.test(t)) return 'email';
  if (/факс/.test(t)) return 'fax';
  if (/телефон/.test(t)) return 'phone';
  if (/особист|прийом|нароч/.test(t)) return 'in_person';
  if (/пошт/.test(t)) return 'post';
  return null;
}

function replyWayOf(s: string): ReplyWay | null {
  const t = norm(s);
  if (/електрон|e-?mail|ел\. ?пошт/.test(t)) return 'email';
  if (/факс/.test(t)) return 'fax';
  if (/особист|нароч|на руки|у приміщенні/.test(t)) return 'in_person';
  if (/пошт/.test(t)) return 'post';
  return null;
}

/**
 * Written or oral, as the journal says («усний», «письмовий» in its form or channel column); else
 * as the law makes it: a request by post, e-mail or fax is written, by telephone oral (Appendix 3).
 * One handed in or said at the desk is either: unless the journal says which, it stays unknown.
 */
function formOf(formText: string, channelText: string, channel: Channel | null): RequestForm | null {
  const t = `${norm(formText)} ${norm(channelText)}`;
  if (/усн/.test(t)) return 'oral';
  if (/письм/.test(t)) return 'written';
  if (channel === 'phone') return 'oral';
  if (channel === 'post' || channel === 'email' || channel === 'fax') return 'written';
  return null;
}

/**
 * An empty cell, or one saying the value is unknown — as our own journal does («не зазначено»,
 * «форма і спосіб: не зазначено»), so a journal exported here imports back without warnings.
 */
function saysUnknown(s: string): boolean {
  return /^(|—|-|\?|невідомо|не вказано|не зазначено|(форма і спосіб|форма|спосіб)?:? ?не зазначено)$/.test(norm(s));
}

/** «Підпис»: stated present, stated absent, or not stated (null). */
function signedOf(s: string): boolean | null | 'unreadable' {
  const t = norm(s);
  if (t === '' || /^(не зазначено|не вказано|невідомо|\?)$/.test(t)) return null;
  if (/^(ні|немає|нема|відсутн|без підпису|не підписано|no|0|false|-|—)/.test(t)) return false;
  if (/^(так|є|наявн|yes|1|true|\+|підписано)/.test(t)) return true;
  return 'unreadable';
}

function requesterTypeOf(s: string): RequesterType {
  const t = norm(s);
  if (/об.?єднан/.test(t)) return 'association';
  if (/юрид/.test(t)) return 'legal';
  return 'natural';
}

export type ImportedResult =
  | { kind: 'answered' }
  | { kind: 'refused'; ground: RefusalGround }
  | { kind: 'redirected'; holder: string }
  | { kind: 'not_considered'; missing: string }
  | { kind: 'voided'; reason: string };

export interface Candidate {
  line: number;
  index: string;
  seq: number;
  year: number;
  receivedAt: string;
  /** False when the journal gave the date only: `receivedAt` is then the start of that day. */
  receivedTimeKnown: boolean;
  /** Null when the journal does not say (or says something unrecognised): stored as unknown. */
  channel: Channel | null;
  /** Likewise unknown when the journal does not say (see `formOf`, `replyWayOf`, `signedOf`). */
  form: RequestForm | null;
  replyBy: ReplyWay | null;
  signed: boolean | null;
  /** The fields `registerInput` validates (without the channel, form, reply way and signature, which may be unknown). */
  registration: Record<string, unknown>;
  executor: string;
  extension: string;
  result: ImportedResult | null;
  resultDate: IsoDate | null;
  outgoingIndex: string;
  note: string;
  warnings: string[];
  /** What the journal does not say (receipt time, channel, signature…): recorded as unknown, never made up. */
  unknown: string[];
}

export type RowOutcome = { ok: true; candidate: Candidate } | { ok: false; line: number; index: string; reason: string } | { ok: 'empty' };

function resultOf(res: string, groundCell: string, holderCell: string): ImportedResult | string | null {
  const t = norm(res);
  const after = res.includes(':') ? res.slice(res.indexOf(':') + 1).trim() : '';
  // Voided first: its reason may well say "зареєстровано помилково".
  if (/анульов/.test(t)) return { kind: 'voided', reason: after || 'анульовано (з імпортованого журналу)' };
  // Still open; a cost notice cannot be rebuilt from a journal line, so awaiting payment imports as open too.
  if (t === '' || /^(на виконанні|на розгляді|зареєстровано|строк продовжено|продовжено|очікується)/.test(t)) return null;
  if (/відмов/.test(t)) {
    const g = Number((/\b([1-4])\b/.exec(groundCell) ?? /п\.?\s*([1-4])/.exec(res))?.[1]);
    if (!g) return 'Відмовлено, але не вказано підставу відмови (п. 1–4 ч. 1 ст. 22 Закону)';
    return { kind: 'refused', ground: g as RefusalGround };
  }
  if (/направлен|переадрес|надіслано за належністю/.test(t)) return { kind: 'redirected', holder: holderCell || after || 'розпорядника не вказано в журналі' };
  if (/без розгляду/.test(t)) return { kind: 'not_considered', missing: after || 'не дотримано вимог ч. 5 ст. 19 Закону' };
  if (/надано|відповід|задоволен|виконано|розглянуто/.test(t)) return { kind: 'answered' };
  return `Невідомий результат розгляду «${res}»`;
}

/** Splits a "address; e-mail; phone" cell into its parts. */
function splitContacts(s: string): { postalAddress: string; email: string; phone: string } {
  const parts = s.split(/;\s*/).map((p) => p.trim()).filter(Boolean);
  const email = parts.find((p) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p)) ?? '';
  const phone = parts.find((p) => p !== email && /^[0-9+()\-\s.]{6,}$/.test(p)) ?? '';
  return { postalAddress: parts.filter((p) => p !== email && p !== phone).join('; '), email, phone };
}

/** One data row to a candidate, or the reason it cannot be imported. */
export function parseRow(line: number, cells: Cell[], cols: ColumnMap, today: IsoDate): RowOutcome {
  if (cells.every((c) => c === null || text(c) === '')) return { ok: 'empty' };
  const get = (f: ImportField) => (cols[f] === undefined ? null : (cells[cols[f]!] ?? null));
  const index = text(get('index'));
  const fail = (reason: string): RowOutcome => ({ ok: false, line, index, reason });
  if (!index) return fail('Немає вхідного номера');
  const seqMatch = /\d+/.exec(index);
  if (!seqMatch || Number(seqMatch[0]) < 1 || Number(seqMatch[0]) > 10_000_000) return fail(`У вхідному номері «${index}» немає порядкового числа`);
  const rawDate = get('receivedAt');
  const d = parseDateCell(rawDate);
  if (!d) return fail(rawDate === null ? 'Немає дати надходження' : `Дата надходження «${text(rawDate)}» не існує або не у форматі ДД.ММ.РРРР`);
  const givenTime = d.time ?? parseDateCell(`01.01.2000 ${text(get('receivedTime'))}`)?.time ?? null;
  // No time in the journal: the start of the day stands for "some time that day" (never shown as a
  // time; every term counted from it ends no later than the law's), and the request says it is unknown.
  const time = givenTime ?? '00:00';
  const at = parseInstant(`${d.date}T${time}`);
  if (!at) return fail(`Час надходження ${d.date} ${time} не існує (перехід на літній час?)`);
  if (d.date > today) return fail(`Дата надходження ${d.date.split('-').reverse().join('.')} ще не настала`);
  const warnings: string[] = [];
  const unknown: string[] = [];
  if (givenTime === null) unknown.push(UNSTATED_PART.receivedTime);
  const channelText = text(get('channel'));
  const channel = channelOf(channelText);
  if (!channel) {
    if (!saysUnknown(channelText)) warnings.push(`спосіб надходження «${channelText}» не розпізнано`);
    unknown.push('спосіб надходження');
  }
  const contacts = cols.contacts !== undefined ? splitContacts(text(get('contacts'))) : { postalAddress: '', email: '', phone: '' };
  const result = resultOf(text(get('result')), text(get('refusalGround')), text(get('redirectHolder')));
  if (typeof result === 'string') return fail(result);
  const rd = parseDateCell(get('resultDate'));
  // A blank cell (spaces, an empty string) is no date: the request is still open, not misdated.
  if (text(get('resultDate')) !== '' && !rd) return fail(`Дата відповіді «${text(get('resultDate'))}» не існує або не у форматі ДД.ММ.РРРР`);
  if (rd && rd.date < d.date) return fail('Дата відповіді раніша за дату надходження');
  if (rd && rd.date > today) return fail('Дата відповіді ще не настала');
  if (result && result.kind !== 'voided' && !rd) unknown.push(UNSTATED_PART.resultDate);
  const form = formOf(text(get('form')), channelText, channel);
  if (!form) unknown.push('форма запиту');
  const replyText = text(get('replyBy'));
  const replyBy = replyWayOf(replyText);
  if (!replyBy) {
    if (!saysUnknown(replyText)) warnings.push(`спосіб отримання відповіді «${replyText}» не розпізнано`);
    unknown.push('спосіб отримання відповіді');
  }
  // A signature is taken only from a journal that states it; an oral request has none to state.
  const signedRead = form === 'oral' ? false : signedOf(text(get('signed')));
  if (signedRead === 'unreadable') warnings.push(`підпис «${text(get('signed'))}» не розпізнано`);
  const signed = signedRead === 'unreadable' ? null : signedRead;
  if (signed === null) unknown.push('підпис');
  return {
    ok: true,
    candidate: {
      line,
      index,
      seq: Number(seqMatch[0]),
      year: Number(d.date.slice(0, 4)),
      receivedAt: kyivIso(at),
      receivedTimeKnown: givenTime !== null,
      channel,
      form,
      replyBy,
      signed,
      registration: {
        receivedAt: kyivIso(at),
        requesterType: requesterTypeOf(text(get('requesterType'))),
        requesterName: text(get('requesterName')),
        postalAddress: text(get('postalAddress')) || contacts.postalAddress,
        email: text(get('email')) || contacts.email,
        phone: text(get('phone')) || contacts.phone,
        description: text(get('description')),
        urgent: /^(так|yes|1|true|\+)/.test(norm(get('urgent'))),
        urgentReason: /^(так|yes|1|true|\+)/.test(norm(get('urgent'))) ? 'терміновий (з імпортованого журналу)' : '',
      },
      executor: text(get('executor')),
      extension: text(get('extension')),
      result,
      // A result with no date stays undated (null): never the date of receipt.
      resultDate: rd?.date ?? null,
      outgoingIndex: text(get('outgoingIndex')),
      note: text(get('note')),
      warnings,
      unknown,
    },
  };
}
