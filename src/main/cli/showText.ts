/**
 * `show` without `--json`: the request as the clerk reads it — Ukrainian words, Kyiv dates, the
 * history under the same event names as the card's timeline (shared/wording.ts EVENT_LABEL). The
 * `--json` output is the contract's and is not shaped here.
 */
import { kyivIso } from '../../shared/calendar';
import { isClosedByLetter, type RequestView } from '../../shared/domain';
import { ddmmyyyy, ddmmyyyyTime } from '../../shared/journalRows';
import { channelLabel, EVENT_LABEL, eventMoment, formLabel, NOT_STATED, replyWayLabel, signatureLabel, STATUS_LABEL } from '../../shared/wording';

/** Dates as the clerk reads them (ДД.ММ.РРРР гг:хх, Kyiv), not ISO instants. */
export const when = (instant: string): string => ddmmyyyyTime(kyivIso(new Date(instant)));
export const dueText = (r: { dueDate: string | null; dueAt?: string }): string => (r.dueAt ? when(r.dueAt) : r.dueDate ? ddmmyyyy(r.dueDate) : '—');

/** The receipt: only its date when the source (an imported journal) did not state the time. */
const receivedText = (r: RequestView): string => (r.receivedTimeKnown === false ? `${ddmmyyyy(r.receivedDate)} (час ${NOT_STATED})` : when(r.receivedAt));

/** An event's moment in the history, as much of it as is known (see `eventMoment`). */
function momentText(r: RequestView, e: RequestView['events'][number]): string {
  const known = eventMoment(r, e);
  return known === 'none' ? `дата ${NOT_STATED}` : known === 'date' ? ddmmyyyy(r.receivedDate) : when(e.at);
}

export function showText(r: RequestView): string {
  const lines = [
    `Вх. № ${r.index} від ${receivedText(r)}`,
    `Спосіб надходження: ${channelLabel(r.channel)}; форма: ${formLabel(r.form)}`,
    `Запитувач: ${r.requesterName || '—'}`,
    ...(r.fax ? [`Факс: ${r.fax}`] : []),
    ...(r.requestDate ? [`Дата запиту: ${ddmmyyyy(r.requestDate)}`] : []),
    `Запит: ${r.description || '—'}`,
    `Спосіб отримання відповіді: ${replyWayLabel(r.replyBy)}`,
    ...(r.form !== 'oral' ? [`Підпис і дата: ${signatureLabel(r.signed)}`] : []),
    `Стан: ${STATUS_LABEL[r.status]}; строк: ${dueText(r)}`,
    ...(r.state.answer ? [`Відповідь: ${r.state.answer.date ? ddmmyyyy(r.state.answer.date) : `дата ${NOT_STATED}`}`] : []),
    ...(!r.state.answer && isClosedByLetter(r.status) ? [`Розгляд завершено: ${r.state.closedOn ? ddmmyyyy(r.state.closedOn) : `дата ${NOT_STATED}`}`] : []),
    ...r.attachments.map((a) => `Скан: ${a.name} (${a.mime}, ${Math.max(1, Math.round(a.size / 1024))} КБ)`),
    ...(r.conflict ? [`Конфлікт: ${r.conflict.message}`, `  Дії: ${r.conflict.events.join(', ')}`] : []),
    // An event type this build does not know (a newer desk's, via sync) is printed as its code rather than lost.
    ...r.events.map((e) => `  ${momentText(r, e)}  ${EVENT_LABEL[e.type] ?? e.type}  ${e.user}`),
  ];
  return `${lines.join('\n')}\n`;
}
