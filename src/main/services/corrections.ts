/** The `correct` action: which registration fields really change, checked as a registration would be. */
import type { EventPayloads, RequestEvent, RequestRecord } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { currentRegistration, diffCorrection } from '../../shared/corrections';
import { normalizeRegistration } from '../../shared/registration';

export function correctionPayload(record: RequestRecord, events: readonly RequestEvent[], asked: { changes: Record<string, unknown>; reason: string }): EventPayloads['corrected'] {
  const current = currentRegistration(events) ?? record;
  // The corrected registration obeys the same rules as a new one: an oral request has no signature,
  // the urgency reason goes with urgency only.
  const merged = normalizeRegistration({ ...current, ...asked.changes } as Parameters<typeof normalizeRegistration>[0], current.receivedAt);
  if (merged.urgent && merged.urgentReason === '')
    throw new AppError('invalid_input', 'Обґрунтування терміновості: для термінового запиту вкажіть обґрунтування терміновості', [
      { path: 'changes.urgentReason', message: 'Для термінового запиту вкажіть обґрунтування терміновості' },
    ]);
  const { changes, previous } = diffCorrection(current, merged);
  if (Object.keys(changes).length === 0) throw new AppError('invalid_input', 'Нічого не змінено: нові значення збігаються з поточними');
  return { changes, previous, reason: asked.reason };
}
