/**
 * The frame every outgoing letter shares: the holder's letterhead, the outgoing number and date,
 * the reference to the request, the addressee, the subject, the body and the responsible person's
 * signature (Art. 22 part 4 asks for the name and position of the person responsible for the request).
 */
import { readFileSync } from 'node:fs';
import type { IsoDate } from '../../../shared/calendar/types';
import type { RequestView } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/settings';
import { ukDate } from '../format';
import { area, BODY_SIZE, keepTogether, para, signature, SMALL_SIZE } from '../layout';
import { finish, mm, newDocument, type Doc } from '../pdfDocument';
import { dativeName, signatureName } from '../personName';
import { holderName } from '../stamp';

export interface LetterContext {
  request: RequestView;
  settings: Settings;
  /** The day the letter is issued. */
  issuedOn: IsoDate;
  /** Empty: a line is left for the number written by hand at dispatch. */
  outgoingIndex?: string;
  /** Sheets of the request copy enclosed (the covering letter); unknown: a blank to fill in by hand. */
  requestSheets?: number;
}

export interface LetterBody {
  title: string;
  /** Addressee lines (name first, already in the dative where it is a person). */
  to: string[];
  subject: string;
  paragraphs: string[];
  /** Drawn after the paragraphs (tables, payment details). */
  extra?: (doc: Doc) => void;
  /** «Додаток: …» after the text, before the signature. */
  enclosure?: string;
}

/** The requester as an addressee: a natural person's name in the dative, and where the letter goes. */
export async function requesterAddress(r: RequestView): Promise<string[]> {
  const where = r.replyBy === 'email' && r.email ? r.email : r.postalAddress || r.email;
  const name = !r.requesterName ? 'Запитувачу' : r.requesterType === 'natural' ? await dativeName(r.requesterName) : r.requesterName;
  return [name, where].filter(Boolean);
}

export const LAW = 'Закону України «Про доступ до публічної інформації»';

/** «Ваш запит на інформацію від 23.11.2026 (вх. № З-125)». */
export const requestMention = (r: RequestView) => `запит на інформацію від ${ukDate(r.receivedDate)} (вх. № ${r.index})`;

/** The signer: position and «Ім'я ПРІЗВИЩЕ»; the full ПІБ where the law asks for it. */
export function responsible(s: Settings): { position: string; name: string; fullName: string } {
  const { responsiblePosition: position, responsiblePerson: name } = s.council;
  if (!position.trim() || !name.trim())
    throw new AppError('invalid_input', 'У налаштуваннях не вказано посаду і ПІБ відповідальної особи розпорядника (розділ «Розпорядник інформації»): лист без них не оформлюється');
  return { position, name: signatureName(name), fullName: s.council.responsibleFullName.trim() || name };
}

/** The emblem's image, when one is set and readable; a missing file must not stop a letter. */
function emblem(path: string): Buffer | null {
  if (!path.trim()) return null;
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** The letterhead of ДСТУ 4163:2020: emblem, the higher body over the author, address and contacts, ЄДРПОУ. */
function letterhead(doc: Doc, s: Settings, holder: string): void {
  const { x, w } = area(doc);
  const image = emblem(s.council.emblemPath);
  if (image) {
    doc.image(image, x + w / 2 - mm(6), doc.y, { fit: [mm(12), mm(17)], align: 'center' });
    doc.y += mm(17) + 4;
  }
  if (s.council.higherBody.trim()) doc.font('bold').fontSize(12).text(s.council.higherBody.trim().toUpperCase(), x, doc.y, { width: w, align: 'center' });
  doc.font('bold').fontSize(14).text(holder.toUpperCase(), x, doc.y, { width: w, align: 'center' });
  const c = s.council;
  const lines = [
    c.address,
    [c.phone && `тел. ${c.phone}`, c.fax && `факс ${c.fax}`, c.email && `e-mail: ${c.email}`, c.website].filter(Boolean).join(', '),
    c.edrpou && `Код ЄДРПОУ ${c.edrpou}`,
  ].filter(Boolean);
  doc.font('regular').fontSize(9);
  for (const l of lines) doc.text(keepTogether(l), x, doc.y, { width: w, align: 'center' });
  doc.moveDown(0.3);
  doc.lineWidth(1.2).moveTo(x, doc.y).lineTo(x + w, doc.y).stroke('black');
  doc.moveDown(1);
}

/** «Відмітка про виконавця» in the lower left of the last page: who prepared the letter and their phone. */
function executorMark(doc: Doc, s: Settings, executor: string, ownPhone: string | null): void {
  const { x, w } = area(doc);
  // The executor's own phone from the assignment; else the department's from Settings.
  const phone = ownPhone || s.council.executorPhone || s.council.phone;
  const lines = [signatureName(executor), phone].filter(Boolean);
  const bottom = doc.page.height - doc.page.margins.bottom;
  const height = lines.length * SMALL_SIZE * 1.25;
  if (doc.y + mm(6) + height > bottom) doc.addPage();
  doc.font('regular').fontSize(SMALL_SIZE);
  let y = doc.page.height - doc.page.margins.bottom - height;
  for (const l of lines) {
    doc.text(keepTogether(l), x, y, { width: w / 2, lineBreak: false });
    y += SMALL_SIZE * 1.25;
  }
}

export async function renderLetter(ctx: LetterContext, body: LetterBody): Promise<Buffer> {
  const s = ctx.settings;
  const holder = holderName(s);
  const signer = responsible(s);
  const d = newDocument({ title: `${body.title}, вх. № ${ctx.request.index}`, author: holder });
  const { doc } = d;
  const { x, w } = area(doc);
  letterhead(doc, s, holder);
  const top = doc.y;
  doc.font('regular').fontSize(BODY_SIZE);
  doc.text(keepTogether(`${ukDate(ctx.issuedOn)} № ${ctx.outgoingIndex || '____________'}`), x, top, { width: w * 0.45 });
  doc.text(keepTogether(`На ${requestMention(ctx.request)}`), x, doc.y, { width: w * 0.45 });
  const leftBottom = doc.y;
  doc.font('bold').text(body.to[0] ?? '', x + w * 0.55, top, { width: w * 0.45 });
  doc.font('regular');
  for (const l of body.to.slice(1)) doc.text(l, x + w * 0.55, doc.y, { width: w * 0.45 });
  doc.x = x;
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('bold').fontSize(BODY_SIZE).text(body.subject, x, doc.y, { width: w * 0.6 });
  doc.moveDown(1);
  for (const p of body.paragraphs) para(doc, keepTogether(p));
  body.extra?.(doc);
  if (body.enclosure) {
    doc.moveDown(0.5);
    para(doc, keepTogether(body.enclosure), { indent: false, align: 'left' });
  }
  signature(doc, signer.position, signer.name);
  if (ctx.request.state.executor) executorMark(doc, s, ctx.request.state.executor, ctx.request.state.executorPhone);
  return finish(d);
}
