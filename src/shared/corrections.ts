/**
 * Corrections of registration data: a typo in a name or an address is fixed by an event, never by
 * editing the record, so the history keeps what was first written, what it became and why. The
 * registration a request shows is the `registered` event's data with every correction applied in
 * event order — a pure fold, so every desk holding the same events shows the same data.
 */
import type { CorrectableRegistration, EventPayloads, Registration, RequestEvent } from './domain';

const REGISTRATION_KEYS = [
  'channel', 'form', 'requesterType', 'requesterName', 'postalAddress', 'email', 'phone', 'fax', 'requestDate', 'description',
  'urgent', 'urgentReason', 'replyBy', 'signed', 'filledByOfficial',
] as const satisfies readonly (keyof CorrectableRegistration)[];

/** Fields added after the first registers: an older `registered` event has none, and means these. */
const ADDED_LATER = { fax: '', requestDate: null } as const;

/** The registration as it stands after every correction. */
export function currentRegistration(events: readonly RequestEvent[]): Registration | null {
  // In the fold's order, as given (see deriveState).
  const sorted = events;
  const first = sorted.find((e) => e.type === 'registered');
  if (!first) return null;
  const p = first.payload as EventPayloads['registered'];
  const reg: Registration = { receivedAt: p.receivedAt } as Registration;
  // `!== undefined`, not `??`: a null the source stated as unknown (an imported channel) stays null.
  for (const k of REGISTRATION_KEYS) (reg as unknown as Record<string, unknown>)[k] = p[k] !== undefined ? p[k] : (ADDED_LATER as Record<string, unknown>)[k];
  for (const e of sorted) if (e.type === 'corrected') Object.assign(reg, (e.payload as EventPayloads['corrected']).changes);
  return reg;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Keeps only what really changes, with the values it replaces. */
export function diffCorrection(current: Registration, asked: Partial<CorrectableRegistration>): Pick<EventPayloads['corrected'], 'changes' | 'previous'> {
  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const k of REGISTRATION_KEYS) {
    if (!(k in asked) || same(asked[k], current[k])) continue;
    changes[k] = asked[k];
    previous[k] = current[k] ?? null;
  }
  return { changes: changes as Partial<CorrectableRegistration>, previous: previous as Partial<CorrectableRegistration> };
}
