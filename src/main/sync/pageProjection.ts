/**
 * The projection of a pulled page, written once per request per page.
 *
 * A request first registered in the page ("new here") has its whole history in the page: no desk
 * can send an event of it before its registration (the server's events refer to its number, which
 * only the registration makes), and this desk has none of its own. The page is in the server's
 * order, which is the order `loadEvents` folds by, so its state is folded in memory from the page
 * and its row is inserted already folded, with its search entry — before the page's events, which
 * refer to the row. Every request this desk already had (and a new one with a correction, which
 * rewrites the registration columns) folds from the register after the events, as before.
 */
import type { RequestEvent } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { missingParts } from '../../shared/registration';
import { deriveState } from '../../shared/requestState';
import { prepared, type Db } from '../db/open';
import { writeSearchEntry } from '../db/searchIndex';
import { MAIN_JOURNAL } from '../services/journals';
import { raiseCounter } from '../services/numbers';
import { refreshProjection, type calendarAndRules } from '../services/projection';
import { insertRequestRow, registrationRecord, type NewRequestRow } from '../services/registration';

type Registered = RequestEvent<'registered'>;
type Ctx = ReturnType<typeof calendarAndRules>;

export class PageProjection {
  /** Requests registered in the page, each with its events in the page's order. */
  private readonly fresh = new Map<string, RequestEvent[]>();
  /** Requests to fold from the register once the page's events are in. */
  private readonly refold = new Set<string>();

  registered(e: Registered): void {
    this.fresh.set(e.requestId, [e]);
  }

  /** Any other event new here. */
  added(e: RequestEvent): void {
    const history = this.fresh.get(e.requestId);
    if (history) history.push(e);
    else this.refold.add(e.requestId);
  }

  /** One of this desk's own events whose place in the server's order is news: its request folds again. */
  moved(requestId: string): void {
    if (!this.fresh.has(requestId)) this.refold.add(requestId);
  }

  /**
   * Inserts the rows of the requests registered in the page, folded, with their search entries,
   * and raises the counters once per series. Call before the page's events are appended.
   */
  insertNewRows(db: Db, ctx: Ctx): void {
    const highest = new Map<string, { journalId: string; year: number; series: string; seq: number }>();
    for (const [id, events] of this.fresh) {
      const e = events[0] as Registered;
      const p = e.payload;
      const row: NewRequestRow = {
        id, journal: p.journal, journalId: p.journalId ?? MAIN_JOURNAL, year: p.year, series: p.series ?? '', seq: p.seq, index: p.index, reg: p,
        missing: missingParts(p), desk: e.desk,
      };
      const record = registrationRecord(row);
      const corrected = events.some((x) => x.type === 'corrected');
      const state = corrected ? undefined : deriveState(record, events, ctx.cal, ctx.rules);
      let pk: number;
      try {
        pk = insertRequestRow(db, row, state);
      } catch (err) {
        // The unique indexes refuse a number this desk already gave another request: say which, in
        // words. Looked up only then — two lookups for every pulled registration were a tenth of a pull.
        throw numberClash(db, row) ?? err;
      }
      if (state) writeSearchEntry(db.sqlite, pk, id, record, state);
      else this.refold.add(id);
      // This desk must never hand out a number another desk already has in the same series.
      const key = `${row.journalId}\n${row.year}\n${row.series}`;
      if ((highest.get(key)?.seq ?? 0) < row.seq) highest.set(key, { journalId: row.journalId, year: row.year, series: row.series, seq: row.seq });
    }
    for (const h of highest.values()) raiseCounter(db, h.journalId, h.year, h.series, h.seq);
  }

  /** Folds from the register the requests that need it. Call after the page's events are appended. */
  refoldTouched(db: Db, ctx: Ctx): void {
    for (const id of this.refold) refreshProjection(db, id, ctx);
  }
}

function numberClash(db: Db, r: NewRequestRow): AppError | null {
  // Two lookups, each on its unique index (an OR of them would scan the table).
  const clash = (prepared(db, 'SELECT incoming_index FROM requests WHERE journal_id = ? AND year = ? AND incoming_index = ? AND id <> ?').get(r.journalId, r.year, r.index, r.id) ??
    prepared(db, 'SELECT incoming_index FROM requests WHERE journal_id = ? AND year = ? AND series = ? AND seq = ? AND id <> ?').get(r.journalId, r.year, r.series, r.seq, r.id)) as
    | { incoming_index: string }
    | undefined;
  if (!clash) return null;
  return new AppError('conflict', `Номер ${r.index} (${r.year}) у спільному реєстрі належить іншому запиту, а на цьому робочому місці ним зареєстровано запит ${clash.incoming_index}. Синхронізацію зупинено, щоб номер не було видано двічі; зверніться до адміністратора.`);
}
