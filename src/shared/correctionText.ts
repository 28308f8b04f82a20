/** A correction in words, as the card's history and the journal's «Примітка» show it. */
import type { CorrectableRegistration, EventPayloads } from './domain';
import { CHANNEL_LABEL, FIELD_LABEL, FORM_LABEL, NOT_STATED, REPLY_WAY_LABEL, REQUESTER_TYPE_LABEL } from './wording';

/** Fields an imported journal may leave unstated: their null is «не зазначено», not an empty field. */
const MAY_BE_UNSTATED: readonly (keyof CorrectableRegistration)[] = ['channel', 'form', 'replyBy', 'signed'];

function valueText(field: keyof CorrectableRegistration, v: unknown): string {
  if (v === null && MAY_BE_UNSTATED.includes(field)) return NOT_STATED;
  if (v === null || v === undefined || v === '') return '(порожньо)';
  if (typeof v === 'boolean') return v ? 'так' : 'ні';
  if (field === 'channel') return CHANNEL_LABEL[v as keyof typeof CHANNEL_LABEL] ?? String(v);
  if (field === 'form') return FORM_LABEL[v as keyof typeof FORM_LABEL] ?? String(v);
  if (field === 'requesterType') return REQUESTER_TYPE_LABEL[v as keyof typeof REQUESTER_TYPE_LABEL] ?? String(v);
  if (field === 'replyBy') return REPLY_WAY_LABEL[v as keyof typeof REPLY_WAY_LABEL] ?? String(v);
  if (field === 'filledByOfficial') {
    const o = v as { name: string; phone: string };
    return `${o.name}, ${o.phone}`;
  }
  return String(v);
}

/** «Виправлено: Поштова адреса «вул. Шевченка, 10» → «вул. Шевченка, 12» (описка)». */
export function correctionText(p: EventPayloads['corrected']): string {
  const fields = Object.keys(p.changes) as (keyof CorrectableRegistration)[];
  const parts = fields.map((f) => `${FIELD_LABEL[f] ?? f} «${valueText(f, p.previous[f])}» → «${valueText(f, p.changes[f])}»`);
  return `Виправлено: ${parts.join('; ')} (${p.reason})`;
}
