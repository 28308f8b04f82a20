/**
 * The registration journal as data: its columns and one row per incoming number with the
 * Ukrainian cell texts. PDF, XLSX and CSV all render these, so the three formats can never
 * disagree about what the journal says.
 */
import type { IsoDate } from './calendar/types';
import { isClosedByLetter, type RequestRecord, type RequestState } from './domain';
import { formatUah } from './fees';
import { formChannelLabel, NOT_STATED, REQUESTER_TYPE_LABEL, STATUS_LABEL, UNSTATED_PART, unstatedInNote } from './wording';

/**
 * `date` values are `YYYY-MM-DD`, `datetime` values `YYYY-MM-DD HH:MM` (Kyiv wall time) — or only
 * `YYYY-MM-DD` when the time is not known (an imported journal's row): then no time is printed.
 */
export type ColumnType = 'number' | 'text' | 'date' | 'datetime';

export interface JournalColumn {
  key: JournalKey;
  header: string;
  type: ColumnType;
  /** Relative width in the printed journal (points on A4 landscape). */
  pdfWidth: number;
}

export const JOURNAL_COLUMNS = [
  { key: 'no', header: '№ з/п', type: 'number', pdfWidth: 16 },
  { key: 'index', header: 'Вхідний індекс', type: 'text', pdfWidth: 42 },
  { key: 'receivedAt', header: 'Дата і час надходження', type: 'datetime', pdfWidth: 50 },
  { key: 'requester', header: 'Запитувач', type: 'text', pdfWidth: 62 },
  { key: 'requesterType', header: 'Категорія запитувача', type: 'text', pdfWidth: 46 },
  { key: 'contacts', header: 'Адреса, контакти', type: 'text', pdfWidth: 80 },
  { key: 'formChannel', header: 'Форма і спосіб надходження', type: 'text', pdfWidth: 56 },
  { key: 'summary', header: 'Зміст запиту', type: 'text', pdfWidth: 82 },
  { key: 'urgent', header: 'Терміновий', type: 'text', pdfWidth: 34 },
  { key: 'executor', header: 'Виконавець', type: 'text', pdfWidth: 56 },
  { key: 'deadline', header: 'Строк відповіді', type: 'date', pdfWidth: 50 },
  { key: 'extension', header: 'Продовження строку', type: 'text', pdfWidth: 56 },
  { key: 'result', header: 'Результат розгляду', type: 'text', pdfWidth: 66 },
  { key: 'outgoingIndex', header: 'Вихідний №', type: 'text', pdfWidth: 50 },
  { key: 'resultDate', header: 'Дата відповіді', type: 'date', pdfWidth: 50 },
  { key: 'note', header: 'Примітка', type: 'text', pdfWidth: 64 },
] as const satisfies readonly { key: string; header: string; type: ColumnType; pdfWidth: number }[];

export type JournalKey = (typeof JOURNAL_COLUMNS)[number]['key'];

/** Typed values: numbers, texts, and dates in the forms `ColumnType` names; null is an empty cell. */
export type JournalRow = { [K in JournalKey]: K extends 'no' ? number : string | null } & { voided: boolean; unused?: true };

/** What the journal says of a reserved number no request took by the year's end (issue 9). */
export const UNUSED_RESULT = 'зарезервований, не використаний';

/** A number of the shared series leased to a desk and never used, shown where its number falls. */
export function unusedRow(no: number, index: string): JournalRow {
  const blank = Object.fromEntries(JOURNAL_COLUMNS.map((c) => [c.key, null])) as { [K in JournalKey]: null };
  // The closing line of the journal counts them; the row itself says only what became of the number.
  return { ...blank, no, index, result: UNUSED_RESULT, voided: false, unused: true };
}

export const ddmmyyyy = (d: IsoDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
/** An instant written in Kyiv time (`2026-11-23T10:05:00+02:00`) as `23.11.2026 10:05`, for messages: never ISO. */
export const ddmmyyyyTime = (kyivIsoInstant: string): string => `${ddmmyyyy(kyivIsoInstant.slice(0, 10))} ${kyivIsoInstant.slice(11, 16)}`;

/** The text a cell shows in the PDF and the CSV: dates the Ukrainian way (`23.11.2026 10:15`). */
export function cellText(type: ColumnType, v: string | number | null): string {
  if (v === null) return '';
  if (type === 'date') return ddmmyyyy(String(v));
  if (type === 'datetime') return String(v).length > 10 ? `${ddmmyyyy(String(v).slice(0, 10))} ${String(v).slice(11, 16)}` : ddmmyyyy(String(v));
  return String(v);
}

const MONTHS = ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'];

/** `за листопад 2026 року` for a whole month, `з 01.11.2026 по 15.11.2026` otherwise. */
export function periodText(from: IsoDate, to: IsoDate): string {
  const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (from.slice(8) === '01' && to === `${from.slice(0, 8)}${String(lastDay).padStart(2, '0')}`) return `за ${MONTHS[m - 1]} ${y} року`;
  return `з ${ddmmyyyy(from)} по ${ddmmyyyy(to)}`;
}

/** The first and last day of `YYYY-MM`. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The result column: what became of the request, with the refusal ground or the holder it went to. */
export function resultText(s: RequestState): string {
  switch (s.status) {
    case 'answered':
      return STATUS_LABEL.answered;
    case 'refused':
      return `відмовлено (п. ${s.refusal?.ground} ч. 1 ст. 22 Закону)`;
    case 'redirected':
      return `направлено: ${s.redirect?.holder ?? ''}`;
    case 'not_considered':
      return `${STATUS_LABEL.not_considered}${s.notConsidered ? `: ${s.notConsidered}` : ''}`;
    case 'void':
      return `АНУЛЬОВАНО${s.voidReason ? `: ${s.voidReason}` : ''}`;
    default:
      return STATUS_LABEL[s.status];
  }
}

function noteText(s: RequestState): string {
  const parts: string[] = [];
  if (s.answeredLate) parts.push('з порушенням строку');
  if (s.extensionLate) parts.push('повідомлення про продовження строку надіслано пізно');
  if (s.costNoticeLate === true) parts.push('повідомлення про витрати надіслано пізно');
  if (s.cost) parts.push(`витрати на копіювання: ${s.cost.pages} с.${s.cost.amount !== null ? `, ${formatUah(s.cost.amount)}\u00a0грн` : ''}${s.paymentDate ? `, оплачено ${ddmmyyyy(s.paymentDate)}` : ''}`);
  parts.push(...s.notes);
  return parts.join('; ');
}

const orNull = (s: string): string | null => (s === '' ? null : s);

export function journalRow(no: number, r: RequestRecord, s: RequestState): JournalRow {
  const contacts = [r.postalAddress, r.email, r.phone].filter(Boolean).join('; ');
  // The term that applied: the closing one for a closed request, the running one otherwise.
  const due = s.finalDue ?? s.due;
  const resultDate = s.status === 'answered' ? (s.answer?.date ?? null) : s.status === 'void' ? null : s.closedOn;
  // What the source did not state is said in the note; the typed date cells stay empty rather than made
  // up. Said once: an import note that lists it already («у журналі не зазначено: час надходження, …») will do.
  const listed = new Set(s.notes.flatMap(unstatedInNote));
  const unknown = [
    ...(r.receivedTimeKnown === false && !listed.has(UNSTATED_PART.receivedTime) ? [`${UNSTATED_PART.receivedTime}: ${NOT_STATED}`] : []),
    // Closed (answered, refused, redirected, not considered) on a day the imported journal did not give.
    ...(resultDate === null && isClosedByLetter(s.status) && !listed.has(UNSTATED_PART.resultDate) ? [`${UNSTATED_PART.resultDate}: ${NOT_STATED}`] : []),
  ];
  const note = [...unknown, noteText(s)].filter(Boolean).join('; ');
  return {
    no,
    index: r.index,
    receivedAt: r.receivedTimeKnown === false ? r.receivedAt.slice(0, 10) : `${r.receivedAt.slice(0, 10)} ${r.receivedAt.slice(11, 16)}`,
    requester: orNull(r.requesterName),
    requesterType: REQUESTER_TYPE_LABEL[r.requesterType],
    contacts: orNull(contacts),
    formChannel: formChannelLabel(r.form, r.channel),
    summary: orNull(r.description),
    urgent: r.urgent ? 'так, 48 год' : null,
    executor: s.executor,
    deadline: due?.dueDate ?? null,
    extension: s.extended ? `продовжено${s.extensionReason ? `: ${s.extensionReason}` : ''}` : null,
    result: resultText(s),
    // Every outgoing letter's number (refusal, redirect, extension, cost notice, answer); older states lack the list.
    outgoingIndex: orNull((s.outgoing ?? (s.answer?.outgoingIndex ? [s.answer.outgoingIndex] : [])).join('; ')),
    resultDate,
    note: orNull(note),
    voided: s.status === 'void',
  };
}
