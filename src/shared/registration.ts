/** Pure rules of registration: defaults a clerk expects, and what Art. 19 part 5 finds missing. */
import type { z } from 'zod';
import type { Registration, RequiredPart } from './domain';
import type { registerInput } from './schemas';

/** Fills what the clerk may leave out: the form follows the channel, the answer goes back the way the request came. */
export function normalizeRegistration(v: z.output<typeof registerInput>, receivedAt: string): Registration {
  const form = v.form ?? (v.channel === 'phone' ? 'oral' : 'written');
  const replyBy =
    v.replyBy ?? (v.channel === 'email' || (v.email && !v.postalAddress) ? 'email' : v.channel === 'fax' ? 'fax' : 'post');
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
    signed: form === 'written' ? v.signed : false,
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
  if (r.form === 'written' && !r.signed && !r.filledByOfficial) missing.push('signed');
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
