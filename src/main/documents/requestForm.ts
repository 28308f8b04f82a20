/**
 * The request form of Appendix 4, for natural persons or for legal persons (and associations
 * without legal status): blank for the public, or filled in from a registered request, with the
 * page of notes 1–10 carrying this council's contacts. The stamped copy draws on it too.
 */
import type { RequestView, ReplyWay } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { ukDate } from './format';
import { area, BODY_SIZE, field, para, rule, SMALL_SIZE } from './layout';
import { mm, type Doc } from './pdfDocument';
import { FORM, formNotes, writtenByOfficial } from './requestFormText';

/** `legal` is printed with the association's own heading when the request came from one. */
export type FormKind = 'natural' | 'legal';

export const formKindOf = (r: Pick<RequestView, 'requesterType'>): FormKind => (r.requesterType === 'natural' ? 'natural' : 'legal');

function titleOf(kind: FormKind, r: RequestView | null): readonly string[] {
  if (kind === 'natural') return FORM.titleNatural;
  return r?.requesterType === 'association' ? FORM.titleAssociation : FORM.titleLegal;
}

export interface FormOptions {
  kind: FormKind;
  /** Null: the blank form. */
  request: RequestView | null;
  /** A mark in the upper right corner: the requester's copy. */
  copyMark?: boolean;
}

/** The holder block: «Розпорядник інформації» on the left, the name and address in the right column. */
function holderBlock(doc: Doc, s: Settings): void {
  const { x, w } = area(doc);
  const top = doc.y;
  doc.font('bold').fontSize(BODY_SIZE).text(FORM.holder, x, top, { width: w * 0.45 });
  const right = x + w * 0.5;
  doc.font('regular').text(s.council.name, right, top, { width: w * 0.5 });
  // A blank to write the address on rather than a holder without one.
  doc.text(s.council.address || '______________________________', right, doc.y, { width: w * 0.5 });
  doc.x = x;
  doc.moveDown(1.2);
}

function requesterText(r: RequestView): string {
  return [r.requesterName, r.postalAddress, r.email, r.phone].filter(Boolean).join(', ');
}

/** The value written next to a way of answer, on a filled form. */
function wayValue(r: RequestView, way: ReplyWay): string {
  if (r.replyBy !== way) return '';
  if (way === 'post') return r.postalAddress;
  if (way === 'fax') return r.fax; // the requester's fax, never the phone
  return way === 'email' ? r.email : '';
}

function answerWays(doc: Doc, r: RequestView | null): void {
  const { x, w } = area(doc);
  const labelW = mm(48);
  const ways = [...FORM.ways] as { way: ReplyWay; label: string; hint: string }[];
  // The seed's form knows post, fax and e-mail; an answer collected in person is added only when chosen.
  if (r?.replyBy === 'in_person') ways.push({ way: 'in_person', label: 'Особисто', hint: '(у приміщенні розпорядника)' });
  for (const { way, label, hint } of ways) {
    const top = doc.y;
    doc.font('regular').fontSize(BODY_SIZE).text(label, x, top, { width: labelW, underline: r?.replyBy === way, lineBreak: false });
    doc.y = top;
    rule(doc, x + labelW, x + w, r ? wayValue(r, way) || undefined : undefined);
    doc.font('italic').fontSize(SMALL_SIZE).text(hint, x + labelW, doc.y - mm(2.2), { width: w - labelW, align: 'center' });
    doc.y += mm(1.5);
  }
  doc.font('italic').fontSize(SMALL_SIZE).text(FORM.underline, x, doc.y, { width: w });
  doc.moveDown(0.8);
}

/** A label in the left column with its line to the right, as «Контактний телефон запитувача» is laid out. */
function sideField(doc: Doc, label: string, value: string | null): void {
  const { x, w } = area(doc);
  const labelW = mm(48);
  const top = doc.y;
  doc.font('regular').fontSize(BODY_SIZE).text(label, x, top, { width: labelW - mm(3) });
  const bottom = doc.y;
  doc.y = top;
  rule(doc, x + labelW, x + w, value ?? undefined);
  doc.y = Math.max(doc.y, bottom + mm(1.5));
}

function notesPage(doc: Doc, s: Settings): void {
  doc.addPage();
  const { x, w } = area(doc);
  doc.font('bold').fontSize(BODY_SIZE).text(FORM.notes, x, doc.y, { width: w });
  doc.moveDown(0.4);
  for (const n of formNotes(s)) {
    para(doc, n.text, { size: 11 });
    for (const sub of n.sub ?? []) para(doc, sub, { size: 11 });
  }
}

export function drawRequestForm(doc: Doc, s: Settings, o: FormOptions): void {
  const r = o.request;
  const { x, w } = area(doc);
  if (o.copyMark) doc.font('bold').fontSize(BODY_SIZE).text('КОПІЯ', x, doc.y, { width: w, align: 'right' });
  const title = titleOf(o.kind, r);
  doc.font('italic').fontSize(10).text(title.join('\n'), x + w * 0.5, doc.y, { width: w * 0.5, align: 'left' });
  doc.x = x;
  doc.moveDown(1);
  holderBlock(doc, s);
  doc.font('bold').fontSize(14).text(FORM.request, x, doc.y, { width: w, align: 'center' });
  doc.moveDown(0.8);
  para(doc, o.kind === 'natural' ? FORM.requesterNatural : FORM.requesterLegal, { indent: false, align: 'left' });
  field(doc, r ? requesterText(r) : null, 3);
  para(doc, FORM.document, { indent: false, align: 'left' });
  field(doc, r ? '' : null, 2);
  para(doc, FORM.or, { indent: false, align: 'center', font: 'italic' });
  para(doc, FORM.description, { indent: false, align: 'left' });
  field(doc, r ? r.description : null, 3);
  doc.moveDown(0.3);
  para(doc, FORM.answer, { indent: false, align: 'left' });
  answerWays(doc, r);
  sideField(doc, FORM.phone, r ? r.phone || '—' : null);
  // The date written on the request, not the day it arrived; a request with none gets none.
  sideField(doc, FORM.dateSign, r ? [r.requestDate ? ukDate(r.requestDate) : '', r.signed ? 'підписано' : ''].filter(Boolean).join(', ') || '—' : null);
  if (r?.filledByOfficial) para(doc, writtenByOfficial(r.filledByOfficial.name, r.filledByOfficial.phone), { size: 11 });
  sideField(doc, FORM.registered, r ? `вх. № ${r.index} від ${ukDate(r.receivedDate)}` : null);
  notesPage(doc, s);
}
