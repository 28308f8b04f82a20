/**
 * Conflicting final actions. A desk never records a second final action on a request it knows
 * to be closed (the transitions forbid it), so two final actions in one history can only come from
 * desks that were apart. Both stay in the log; the request is flagged until a person keeps one —
 * and that choice is an event too, so every desk, folding the same events, shows the same flag.
 */
import type { RequestEvent, Status } from '../domain';
import { STATUS_LABEL } from '../wording';
import { kyivDate } from '../calendar';

export const FINAL_EVENT_STATUS = {
  answered: 'answered',
  refused: 'refused',
  redirected: 'redirected',
  not_considered: 'not_considered',
} as const satisfies Partial<Record<RequestEvent['type'], Status>>;

export type FinalEventType = keyof typeof FINAL_EVENT_STATUS;

export const isFinalEvent = (e: RequestEvent): e is RequestEvent<FinalEventType> => e.type in FINAL_EVENT_STATUS;

export interface Conflict {
  /** The competing events' ids, in the fold's order. */
  events: string[];
  message: string;
}

/** Final events a resolution set aside: they stay in the history but no longer decide the state. */
export function setAside(events: readonly RequestEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events)
    if (e.type === 'conflict_resolved') {
      const p = e.payload as { keep: string; events: string[] };
      for (const id of p.events) if (id !== p.keep) out.add(id);
    }
  return out;
}

/** Resolved events (kept or set aside): a resolution covers exactly the events it names. */
function resolved(events: readonly RequestEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.type === 'conflict_resolved') for (const id of (e.payload as { events: string[] }).events) out.add(id);
  return out;
}

const day = (iso: string) => kyivDate(iso).split('-').reverse().join('.');

/** The conflict on a request, or null. `sorted` is the history in the fold's order. */
export function findConflict(sorted: readonly RequestEvent[]): Conflict | null {
  const done = resolved(sorted);
  const aside = setAside(sorted);
  const finals = sorted.filter((e) => isFinalEvent(e) && !aside.has(e.id));
  const open = finals.filter((e) => !done.has(e.id));
  // One unresolved final action next to a kept one is a fresh conflict too.
  if (open.length === 0 || finals.length < 2) return null;
  const parts = finals.map((e) => `«${STATUS_LABEL[FINAL_EVENT_STATUS[e.type as FinalEventType]]}» (${e.user}, робоче місце ${e.desk.slice(0, 8)}, ${day(e.at)})`);
  return {
    events: finals.map((e) => e.id),
    message: `Поки робочі місця були без зв'язку, на запиті записано несумісні дії: ${parts.join(' і ')}. Обидві збережено в історії; відповідальна особа має залишити одну з них.`,
  };
}
