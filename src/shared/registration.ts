/** Pure rules of registration: defaults a clerk expects, and what Art. 19 part 5 finds missing. */
import type { z } from 'zod';
import type { Registration, RequiredPart } from './domain';
import type { registerInput } from './schemas';

/**
 * What a registration is checked as: the typed input, or — for a correction — the registration as it
 * stands, whose channel, form, reply way and signature an imported journal may have left unknown (null).
 */
type Normalizable = Omit<z.output<typeof registerInput>, 'channel' | 'form' | 'replyBy' | 'signed'> & {
  channel: Registration['channel'];
  form?: Registration['form'];
  replyBy?: Registration['replyBy'];
  signed: Registration['signed'];
};

/**
 * Fills what the clerk may leave out: the form follows the channel, the answer goes back the way the
 * request came. Only what was left out (undefined) is filled: a value stated unknown (null) stays so.
 */
export function normalizeRegistration(v: Normalizable, receivedAt: string): Registration {
  const form = v.form !== undefined ? v.form : v.channel === 'phone' ? 'oral' : 'written';
  const replyBy =
    v.replyBy !== undefined ? v.replyBy : v.channel === 'email' || (v.email && !v.postalAddress) ? 'email' : v.channel === 'fax' ? 'fax' : 'post';
  return {
    receivedAt,
    channel: v.channel,
    form,
    requesterType: v.requesterType,
    requesterName: v.requesterName,
    postalAddress: v.postalAddress,
    email: v.email,
    phone: v.phone,
    fax: v.fax,
    requestDate: v.requestDate ?? null,
    description: v.description,
    urgent: v.urgent,
    urgentReason: v.urgent ? v.urgentReason : '',
    replyBy,
    // A signature means nothing on an oral request; keep the field honest.
    signed: form === 'oral' ? false : v.signed,
    filledByOfficial: v.filledByOfficial ?? null,
  };
}

/**
 * Art. 19 part 5: name, postal address or e-mail, a description, and — for written requests —
 * signature and date. A request written down by an official (Appendix 3 item 7) carries the
 * official's name and phone instead of the requester's signature.
 */
export function missingParts(r: Registration): RequiredPart[] {
  const missing: RequiredPart[] = [];
  if (!r.requesterName) missing.push('requesterName');
  if (!r.postalAddress && !r.email) missing.push('postalAddressOrEmail');
  if (!r.description) missing.push('description');
  // An imported journal that does not state the signature (null) leaves it unknown, not missing.
  if (r.form === 'written' && r.signed === false && !r.filledByOfficial) missing.push('signed');
  return missing;
}

/** Nothing a person could act on — no requester, no contact, no description: it gets no number. */
export function isEmptyRegistration(r: Registration): boolean {
  return !r.requesterName && !r.postalAddress && !r.email && !r.phone && !r.description;
}

/** The missing parts the clerk has not knowingly accepted. */
export function unconfirmedMissing(missing: readonly RequiredPart[], accepted: readonly RequiredPart[] = []): RequiredPart[] {
  return missing.filter((m) => !accepted.includes(m));
}

/** Where the form shows each missing part. */
export const MISSING_PART_FIELD: Record<RequiredPart, string> = {
  requesterName: 'requesterName',
  postalAddressOrEmail: 'postalAddress',
  description: 'description',
  signed: 'signed',
};
