/** Resolving a sync conflict: a person keeps one of the final actions; the choice is an event like any other. */
import type { RequestView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { parseInput, resolveInput } from '../../shared/schemas';
import { findConflict } from '../../shared/sync/conflicts';
import type { Db } from '../db/open';
import { insertEvent, loadEvents, newEvent } from './eventLog';
import { refreshProjection } from './projection';
import { findRequestRow, getRequest } from './queries';

export function resolveConflict(db: Db, raw: unknown): RequestView {
  const { index, year, keep, note } = parseInput(resolveInput, raw);
  const run = db.sqlite.transaction(() => {
    const row = findRequestRow(db, { index, year });
    const conflict = findConflict(loadEvents(db, row.id));
    if (!conflict) throw new AppError('not_allowed', `На запиті ${row.incoming_index} немає конфлікту робочих місць`);
    if (!conflict.events.includes(keep))
      throw new AppError('invalid_input', `Залишити можна одну з несумісних дій: ${conflict.events.join(', ')}`);
    insertEvent(db, newEvent(db, row.id, 'conflict_resolved', { keep, events: conflict.events, ...(note ? { note } : {}) }));
    refreshProjection(db, row.id);
    return row.id;
  });
  return getRequest(db, { index: run.immediate() });
}
