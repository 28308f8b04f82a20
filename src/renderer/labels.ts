/**
 * Wording the shared `wording.ts` does not have yet: event names for the timeline, deadline states
 * and form field names. Candidates to move into shared/wording.ts so documents can reuse them.
 */
import { correctionText } from '../shared/correctionText';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../shared/documents';
import type { EventPayloads, EventType, RequestEvent, RequestView } from '../shared/domain';
import { formChannelLabel, NOT_STATED, REFUSAL_GROUND_TEXT, REPLY_WAY_LABEL } from '../shared/wording';
import { truncate, uaDate, uah } from './format';

// The history's event names are shared with the CLI's `show` (one map, in shared/wording.ts).
export { EVENT_LABEL } from '../shared/wording';

export const DUE_STATE_LABEL: Record<NonNullable<RequestView['dueState']>, string> = {
  overdue: 'прострочено',
  today: 'сьогодні',
  soon: 'незабаром',
  ok: '',
};

export const OPEN_FILTER_LABEL = 'на розгляді';

/**
 * One line of what the event recorded, for the timeline. `dateShown`: the line's heading already
 * says «дата не зазначено» for a closing letter an imported journal gave without its date, so the
 * line does not say it again; elsewhere (a sync conflict) the line is all there is and says it.
 */
export function eventSummary(e: RequestEvent, { dateShown = false } = {}): string {
  // A closing letter an imported journal gave without its date: the event's moment is not its date.
  const undated = (p: { date?: null }): string => (p.date === null && !dateShown ? `; дата ${NOT_STATED}` : '');
  switch (e.type) {
    case 'registered': {
      const p = e.payload as EventPayloads['registered'];
      return `Вх. № ${p.index}; ${formChannelLabel(p.form, p.channel)}`;
    }
    case 'assigned': {
      const p = e.payload as EventPayloads['assigned'];
      return p.unit ? `${p.executor} (${p.unit})` : p.executor;
    }
    case 'extended':
      return `Підстава: ${(e.payload as EventPayloads['extended']).reason}`;
    case 'cost_notice': {
      const p = e.payload as EventPayloads['cost_notice'];
      const sum = p.amount === null ? 'без плати (ставок не встановлено)' : uah(p.amount);
      return `${p.pages} стор., ${p.format}${p.restricted ? ', з відокремленням інформації з обмеженим доступом' : ''}; ${sum}`;
    }
    case 'payment_received':
      return `Дата оплати: ${uaDate((e.payload as EventPayloads['payment_received']).date)}`;
    case 'answered': {
      const p = e.payload as EventPayloads['answered'];
      return [p.outgoingIndex ? `вих. № ${p.outgoingIndex}` : '', p.date ? uaDate(p.date) : dateShown ? '' : `дата ${NOT_STATED}`, p.sentBy ? REPLY_WAY_LABEL[p.sentBy] : '']
        .filter(Boolean)
        .join(', ');
    }
    case 'refused': {
      const p = e.payload as EventPayloads['refused'];
      return `Підстава ${p.ground}: ${truncate(REFUSAL_GROUND_TEXT[p.ground], 80)}. ${p.explanation}${undated(p)}`;
    }
    case 'redirected': {
      const p = e.payload as EventPayloads['redirected'];
      return `${p.holderAddress ? `${p.holder}, ${p.holderAddress}` : p.holder}${undated(p)}`;
    }
    case 'not_considered':
      return `Бракує: ${(e.payload as EventPayloads['not_considered']).missing}${undated(e.payload as EventPayloads['not_considered'])}`;
    case 'voided':
      return `Причина: ${(e.payload as EventPayloads['voided']).reason}`;
    case 'note':
      return (e.payload as EventPayloads['note']).text;
    case 'corrected':
      return correctionText(e.payload as EventPayloads['corrected']).replace(/^Виправлено: /, '');
    case 'document_issued': {
      const p = e.payload as EventPayloads['document_issued'];
      const name = DOCUMENT_KIND_LABEL[p.kind as DocumentKind] ?? p.kind;
      return p.outgoingIndex ? `${name}, вих. № ${p.outgoingIndex}` : name;
    }
    case 'conflict_resolved': {
      const p = e.payload as EventPayloads['conflict_resolved'];
      return `Залишено одну з ${p.events.length} несумісних дій${p.note ? `: ${p.note}` : ''}`;
    }
    case 'attached': {
      const p = e.payload as EventPayloads['attached'];
      return `${p.name} (${Math.max(1, Math.round(p.size / 1024))} КБ)`;
    }
    case 'attachment_removed': {
      const p = e.payload as EventPayloads['attachment_removed'];
      return `${p.name}; причина: ${p.reason}`;
    }
    default:
      return '';
  }
}

/** Labels of registration fields, keyed by the API's input paths (for error messages). */
export const REGISTRATION_FIELD_LABEL: Record<string, string> = {
  receivedAt: 'Дата і час надходження',
  channel: 'Спосіб надходження',
  form: 'Форма запиту',
  requesterType: 'Запитувач',
  requesterName: 'ПІБ або найменування',
  postalAddress: 'Поштова адреса',
  email: 'Електронна пошта',
  phone: 'Телефон',
  description: 'Опис запитуваної інформації',
  urgent: 'Терміновий запит',
  urgentReason: 'Обґрунтування терміновості',
  replyBy: 'Спосіб отримання відповіді',
  signed: 'Підпис і дата',
  'filledByOfficial.name': 'ПІБ посадової особи',
  'filledByOfficial.phone': 'Телефон посадової особи',
};
