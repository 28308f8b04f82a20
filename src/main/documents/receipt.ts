/**
 * The visitor's receipt: what was registered, under which number and when, by when the answer is
 * due under the Law (5 working days, or 48 hours for an urgent request), how it will come, and
 * whom to ask. An A5 sheet: it is handed over the counter.
 */
import { answerDeadline } from '../../shared/deadlines';
import type { RequestView } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { channelLabel, NOT_STATED, replyWayLabel } from '../../shared/wording';
import { ukDate, ukTime } from './format';
import { area, labelled, para, signature } from './layout';
import { finish, mm, newDocument } from './pdfDocument';
import { holderName } from './stamp';
import { signatureName } from './personName';
import { drawQr } from './qr';
import { recordCode } from '../../shared/recordCode';

const SIZE = 10.5;

function deadlineText(r: RequestView, s: Settings): string {
  const d = answerDeadline({ receivedAt: r.receivedAt, urgent: r.urgent, extended: false }, s.calendar, s.rules);
  if (d.dueAt && !r.receivedTimeKnown)
    return `не пізніше ${ukTime(d.dueAt)} ${ukDate(d.dueDate)} (${s.rules.urgentHours} годин, ч. 2 ст. 20 Закону; час надходження не зазначено, тому строк обчислено від початку дня надходження)`;
  if (d.dueAt) return `не пізніше ${ukTime(d.dueAt)} ${ukDate(d.dueDate)} (${s.rules.urgentHours} годин з моменту надходження запиту, ч. 2 ст. 20 Закону)`;
  return `не пізніше ${ukDate(d.dueDate)} (${s.rules.normalDays} робочих днів з дня надходження запиту, ч. 1 ст. 20 Закону)`;
}

function deliveryText(r: RequestView): string {
  // A fax answer goes to the requester's fax (since 0005), never to the phone.
  const to = r.replyBy === 'post' ? r.postalAddress : r.replyBy === 'email' ? r.email : r.replyBy === 'fax' ? r.fax : '';
  return `${replyWayLabel(r.replyBy)}${to ? `: ${to}` : ''}`;
}

/**
 * Who received the request signs: for Appendix 3 item 7 the official who wrote it down, otherwise the
 * clerk named in Settings. Never the computer's login name — without a clerk set, a line to write on.
 */
function receiver(r: RequestView, s: Settings): { position: string; name: string } {
  if (r.filledByOfficial) return { position: 'Запит записав(ла) і прийняв(ла)', name: signatureName(r.filledByOfficial.name) };
  const position = s.council.clerkPosition.trim();
  return { position: position ? `Запит прийняв(ла): ${position}` : 'Запит прийняв(ла)', name: s.council.clerkName.trim() ? signatureName(s.council.clerkName) : '________________' };
}

export function receipt(r: RequestView, s: Settings): Promise<Buffer> {
  const holder = holderName(s);
  const d = newDocument({ title: `Розписка про прийняття запиту вх. № ${r.index}`, author: holder, size: 'A5', margins: { top: mm(12), bottom: mm(12), left: mm(15), right: mm(12) } });
  const { doc } = d;
  const { x, w } = area(doc);
  doc.font('bold').fontSize(11).text(holder, x, doc.y, { width: w, align: 'center' });
  if (s.council.address) doc.font('regular').fontSize(9).text(s.council.address, { width: w, align: 'center' });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(13).text('РОЗПИСКА', { width: w, align: 'center' });
  doc.font('regular').fontSize(SIZE).text('про прийняття запиту на публічну інформацію', { width: w, align: 'center' });
  doc.moveDown(0.8);
  labelled(doc, 'Вхідний номер', r.index, SIZE);
  labelled(doc, 'Дата і час надходження', r.receivedTimeKnown ? `${ukDate(r.receivedDate)} о ${ukTime(r.receivedAt)}` : `${ukDate(r.receivedDate)}, час ${NOT_STATED}`, SIZE);
  labelled(doc, 'Спосіб надходження', channelLabel(r.channel), SIZE);
  labelled(doc, 'Запитувач', r.requesterName, SIZE);
  labelled(doc, 'Запит', r.description.length > 300 ? `${r.description.slice(0, 300)}…` : r.description, SIZE);
  if (r.urgent) labelled(doc, 'Терміновий запит', r.urgentReason, SIZE);
  labelled(doc, 'Відповідь буде надано', deadlineText(r, s), SIZE);
  labelled(doc, 'Спосіб отримання відповіді', deliveryText(r), SIZE);
  doc.moveDown(0.4);
  // An urgent request's 48 hours are not extended (Art. 20 part 4 speaks of the 5-day term).
  if (!r.urgent) para(doc, 'Строк може бути продовжено до 20 робочих днів, якщо запит стосується великого обсягу інформації або потребує пошуку серед значної кількості даних; про це Вам повідомлять письмово не пізніше п’яти робочих днів з дня надходження запиту.', { size: 9 });
  if (!r.complete) para(doc, 'Увага: у запиті бракує відомостей, обов’язкових за частиною п’ятою статті 19 Закону; запит може бути залишено без задоволення.', { size: 9, font: 'italic' });
  const contacts = [s.council.phone && `тел. ${s.council.phone}`, s.council.email && `e-mail ${s.council.email}`, s.council.website].filter(Boolean).join(', ');
  if (contacts) labelled(doc, 'Довідки', contacts, 9.5);
  const who = receiver(r, s);
  const qrTop = doc.y + mm(4);
  signature(doc, who.position, who.name);
  // The record's code in the lower right: a scan of the receipt finds its request.
  const size = mm(18);
  const y = Math.max(doc.y + mm(2), qrTop);
  if (s.council.edrpou) {
    drawQr({ square: (qx, qy, c) => void doc.rect(qx, qy, c, c).fill('black') }, recordCode({ holderCode: s.council.edrpou, index: r.index, receivedDate: r.receivedDate }), x + w - size, y, size);
    doc.fillColor('black');
  }
  return finish(d);
}
