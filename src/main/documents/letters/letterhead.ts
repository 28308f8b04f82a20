/**
 * The frame every outgoing letter shares: the holder's letterhead, the outgoing number and date,
 * the reference to the request, the addressee, the subject, the body and the responsible person's
 * signature (Art. 22 part 4 asks for the name and position of the person responsible for the request).
 */
import type { IsoDate } from '../../../shared/calendar/types';
import type { RequestView } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/settings';
import { ukDate } from '../format';
import { area, BODY_SIZE, para, signature } from '../layout';
import { finish, newDocument, type Doc } from '../pdfDocument';
import { holderName } from '../stamp';

export interface LetterContext {
  request: RequestView;
  settings: Settings;
  /** The day the letter is issued. */
  issuedOn: IsoDate;
  /** Empty: a line is left for the number written by hand at dispatch. */
  outgoingIndex?: string;
}

export interface LetterBody {
  title: string;
  /** Addressee lines (name first). */
  to: string[];
  subject: string;
  paragraphs: string[];
  /** Drawn after the paragraphs (tables, payment details). */
  extra?: (doc: Doc) => void;
}

/** The requester as an addressee: the name and where the letter goes. */
export function requesterAddress(r: RequestView): string[] {
  const where = r.replyBy === 'email' && r.email ? r.email : r.postalAddress || r.email;
  return [r.requesterName || 'Запитувачу', where].filter(Boolean);
}

export const LAW = 'Закону України «Про доступ до публічної інформації»';

/** «Ваш запит на інформацію від 23.11.2026 (вх. № З-125)». */
export const requestMention = (r: RequestView) => `запит на інформацію від ${ukDate(r.receivedDate)} (вх. № ${r.index})`;

function responsible(s: Settings): { position: string; name: string } {
  const { responsiblePosition: position, responsiblePerson: name } = s.council;
  if (!position.trim() || !name.trim())
    throw new AppError('invalid_input', 'У налаштуваннях не вказано посаду і ПІБ відповідальної особи розпорядника (council.responsiblePosition, council.responsiblePerson): лист без них не оформлюється');
  return { position, name };
}

export function renderLetter(ctx: LetterContext, body: LetterBody): Promise<Buffer> {
  const s = ctx.settings;
  const holder = holderName(s);
  const signer = responsible(s);
  const d = newDocument({ title: `${body.title}, вх. № ${ctx.request.index}`, author: holder });
  const { doc } = d;
  const { x, w } = area(doc);
  doc.font('bold').fontSize(14).text(holder.toUpperCase(), x, doc.y, { width: w, align: 'center' });
  const contacts = [s.council.address, s.council.phone && `тел. ${s.council.phone}`, s.council.email && `e-mail: ${s.council.email}`, s.council.website]
    .filter(Boolean)
    .join(', ');
  if (contacts) doc.font('regular').fontSize(9).text(contacts, { width: w, align: 'center' });
  doc.moveDown(0.3);
  doc.lineWidth(1.2).moveTo(x, doc.y).lineTo(x + w, doc.y).stroke('black');
  doc.moveDown(1);
  const top = doc.y;
  doc.font('regular').fontSize(BODY_SIZE);
  doc.text(`${ukDate(ctx.issuedOn)} № ${ctx.outgoingIndex || '____________'}`, x, top, { width: w * 0.45 });
  doc.text(`На ${requestMention(ctx.request)}`, x, doc.y, { width: w * 0.45 });
  const leftBottom = doc.y;
  doc.font('bold').text(body.to[0] ?? '', x + w * 0.55, top, { width: w * 0.45 });
  doc.font('regular');
  for (const l of body.to.slice(1)) doc.text(l, x + w * 0.55, doc.y, { width: w * 0.45 });
  doc.x = x;
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font('bold').fontSize(BODY_SIZE).text(body.subject, x, doc.y, { width: w * 0.6 });
  doc.moveDown(1);
  for (const p of body.paragraphs) para(doc, p);
  body.extra?.(doc);
  signature(doc, signer.position, signer.name);
  return finish(d);
}
