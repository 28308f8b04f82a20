/**
 * Making a paper: the one service the CLI, the API (preview and print) and the UI call. It renders
 * the PDF in memory, writes it whole or not at all, and records stamps and letters in the
 * request's history (`document_issued`, with the outgoing number of a letter; its date is the event's).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kyivDate } from '../../shared/calendar';
import {
  documentInput,
  needsRequest,
  printerGroupOf,
  printInput,
  RECORDED_KINDS, CONFIRMING_KINDS,
  type DocumentKind,
  type DocumentResult,
  type LetterKind,
  type PrintPort,
  type StampPlacement,
} from '../../shared/documents';
import type { RequestView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { parseInput } from '../../shared/schemas';
import { defaultSettings, type Settings } from '../../shared/settings';
import type { Db } from '../db/open';
import { LETTERS } from '../documents/letters';
import { finish, newDocument, writePdf } from '../documents/pdfDocument';
import { receipt } from '../documents/receipt';
import { drawRequestForm, type FormKind } from '../documents/requestForm';
import { FORM } from '../documents/requestFormText';
import { holderName, stampContent } from '../documents/stamp';
import { stampedCopy } from '../documents/stampedCopy';
import { stampOnto, type StampAt } from '../documents/stampOnto';
import { calibrationSheet, stampSheet } from '../documents/stampSheet';
import { insertEvent, newEvent } from './eventLog';
import { calendarAndRules, refreshProjection } from './projection';
import { getRequest } from './queries';
import { getSettings, updateSettings } from './settings';
import { assertOutgoingFree } from './outgoing';

interface Job {
  now: Date;
  settings: Settings;
  request: RequestView | null;
  onto?: string;
  outgoingIndex?: string;
  requestSheets?: number;
  stampAt?: StampAt;
  /** Set by the stamp on a scan: where the stamp went. */
  placed?: StampPlacement;
}

const need = (r: RequestView | null): RequestView => {
  if (!r) throw new AppError('invalid_input', 'Потрібен вхідний номер запиту (--index)');
  return r;
};

function readScan(path: string | undefined): Buffer {
  if (!path) throw new AppError('invalid_input', 'Потрібен файл скану запиту (--onto SCAN.pdf|png|jpg)');
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new AppError('invalid_input', code === 'ENOENT' ? `Файл скану «${path}» не знайдено` : `Не вдалося прочитати файл скану «${path}»: ${(e as Error).message}`);
  }
}

function form(kind: FormKind, j: Job): Promise<Buffer> {
  holderName(j.settings);
  const d = newDocument({ title: `${FORM.request} (${kind === 'natural' ? 'фізична особа' : 'юридична особа'})`, author: j.settings.council.name });
  drawRequestForm(d.doc, j.settings, { kind, request: j.request });
  return finish(d);
}

function letter(kind: LetterKind, j: Job): Promise<Buffer> {
  return LETTERS[kind]({ request: need(j.request), settings: j.settings, issuedOn: kyivDate(j.now), outgoingIndex: j.outgoingIndex, requestSheets: j.requestSheets });
}

const RENDER: Record<DocumentKind, (j: Job) => Promise<Uint8Array>> = {
  stamp_sheet: (j) => stampSheet(stampContent(need(j.request), j.settings), j.settings.stamp),
  stamp_onto: async (j) => {
    const content = stampContent(need(j.request), j.settings);
    const { bytes, placement } = await stampOnto(readScan(j.onto), content, j.settings.stamp, j.stampAt);
    j.placed = placement;
    return bytes;
  },
  stamped_copy: (j) => stampedCopy(need(j.request), j.settings),
  stamp_calibration: (j) =>
    calibrationSheet(
      j.request ? stampContent(j.request, j.settings) : { holder: holderName(j.settings), index: 'Вх. № 000', received: 'від 01.01.2026 о 00:00' },
      j.settings.stamp,
    ),
  receipt: (j) => receipt(need(j.request), j.settings),
  form_natural: (j) => form('natural', j),
  form_legal: (j) => form('legal', j),
  letter_extension: (j) => letter('extension', j),
  letter_refusal: (j) => letter('refusal', j),
  letter_redirect: (j) => letter('redirect', j),
  letter_redirect_notice: (j) => letter('redirect_notice', j),
  letter_cost: (j) => letter('cost', j),
};

/** A preview with no target goes to the temporary folder, under a name no other preview takes. */
function previewPath(kind: DocumentKind, r: RequestView | null): string {
  const tag = r ? `-${r.index.replace(/[^\p{L}\p{N}-]+/gu, '_')}` : '';
  return join(tmpdir(), `registry-desk-${kind}${tag}-${randomBytes(4).toString('hex')}.pdf`);
}

export interface MadeDocument extends DocumentResult {
  bytes: Uint8Array;
}

/** `db` may be null only for the blank forms, printed for the public with the default settings. */
export async function makeDocument(db: Db | null, raw: unknown): Promise<MadeDocument> {
  const input = parseInput(documentInput, raw);
  const wanted = input.index !== undefined || needsRequest(input.kind);
  if (!db && wanted) throw new AppError('invalid_input', 'Для цього документа потрібен реєстр (--db) і вхідний номер запиту (--index)');
  const settings = db ? getSettings(db) : defaultSettings();
  const request = db && wanted ? getRequest(db, { index: input.index ?? '', year: input.year }) : null;
  if (request?.status === 'void' && CONFIRMING_KINDS.includes(input.kind))
    throw new AppError('not_allowed', `Запит ${request.index} анульовано: штамп реєстрації і розписку для нього не видають.`);
  const out = input.out ? resolve(input.out) : previewPath(input.kind, request);
  if (input.onto && resolve(input.onto) === out) throw new AppError('invalid_input', 'Файл результату збігається зі сканом: вкажіть інший файл для --out, скан має лишитися як був');
  const recorded = db && request && !input.preview && RECORDED_KINDS.includes(input.kind);
  // Refused before anything is written; checked again in the transaction that records it.
  if (recorded && input.outgoingIndex) assertOutgoingFree(db, input.outgoingIndex, Number(kyivDate(db.now()).slice(0, 4)), { requestId: request.id, kind: input.kind });
  const job: Job = { now: db?.now() ?? new Date(), settings, request, onto: input.onto, outgoingIndex: input.outgoingIndex, requestSheets: input.requestSheets, stampAt: input.stampAt };
  const bytes = await RENDER[input.kind](job);
  await writePdf(out, bytes);
  let eventId: string | undefined;
  if (recorded) eventId = recordIssue(db, request.id, input.kind, input.outgoingIndex);
  return { kind: input.kind, path: out, bytes, ...(eventId ? { eventId } : {}), ...(job.placed ? { stamp: job.placed } : {}) };
}

function recordIssue(db: Db, requestId: string, kind: DocumentKind, outgoingIndex?: string): string {
  const event = newEvent(db, requestId, 'document_issued', { kind, ...(outgoingIndex ? { outgoingIndex } : {}) });
  db.sqlite.transaction(() => {
    // The terms under the write lock (another process may have just changed them).
    const ctx = calendarAndRules(db);
    if (outgoingIndex) assertOutgoingFree(db, outgoingIndex, Number(event.at.slice(0, 4)), { requestId, kind });
    insertEvent(db, event);
    refreshProjection(db, requestId, ctx);
  }).immediate();
  return event.id;
}

/** Prints a made PDF through the shell's printing and remembers the printer for the kind's group. */
export async function printDocument(db: Db, port: PrintPort | undefined, raw: unknown): Promise<{ printer: string }> {
  const input = parseInput(printInput, raw);
  if (!port) throw new AppError('not_allowed', 'Друк напряму доступний лише в настільній програмі; відкрийте PDF і надрукуйте його засобами перегляду');
  if (!existsSync(input.path) || !input.path.toLowerCase().endsWith('.pdf')) throw new AppError('invalid_input', `PDF-файл «${input.path}» не знайдено`);
  const group = printerGroupOf(input.kind);
  const printer = input.printer ?? getSettings(db).printers[group];
  await port.print(input.path, printer);
  if (input.printer !== undefined && input.printer !== getSettings(db).printers[group]) updateSettings(db, { printers: { [group]: input.printer } });
  return { printer };
}
