/**
 * A realistic register made through the real services: every request is registered with
 * `registerRequest` and handled with `actOnRequest`, so the numbers, the sealed event log, the
 * projection and the search index are exactly what a desk would have written, and `verify` finds
 * the register in order. Seeded: the same seed gives the same register (ids and seals aside).
 *
 * Speed comes from batching, not from a second projection: the services' own transactions nest
 * as savepoints inside one transaction per batch, so a batch costs one fsync instead of hundreds.
 */
import type { Channel, RequesterType } from '../../shared/domain';
import { addDays, kyivDate, weekday } from '../../shared/calendar';
import type { Db } from '../db/open';
import { actOnRequest } from '../services/actions';
import { registerRequest } from '../services/registration';
import { makeRng, type Rng } from './prng';
import { description, phoneNumber, requester } from './people';
import * as V from './vocabulary';

export interface DemoOptions {
  requests: number;
  /** Default 1. */
  seed?: number;
  /** The register's last day of work; default the register's clock (`db.now()`). */
  until?: Date;
  /** Years of history; default one year per 10,000 requests, from one to ten. */
  years?: number;
  /** Requests per transaction; default 500. */
  batch?: number;
  onBatch?(done: number): void;
}

export interface DemoSummary {
  requests: number;
  events: number;
  first: string;
  last: string;
}

/** Realistic shares (a council's register of recent years); weights, not percentages. */
export const CHANNEL_SHARES: Record<Channel, number> = { email: 46, post: 24, in_person: 14, phone: 11, fax: 5 };
export const TYPE_SHARES: Record<RequesterType, number> = { natural: 74, legal: 15, association: 11 };
/** How a request ends when its time has come (`paid` is a cost notice, payment, then the answer). */
const OUTCOME_SHARES = { answered: 70, paid: 2, unpaid: 1, refused: 7, redirected: 9, not_considered: 4, voided: 2, late: 5 } as const;
type Outcome = keyof typeof OUTCOME_SHARES;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function generateRegister(db: Db, opts: DemoOptions): DemoSummary {
  const rng = makeRng(opts.seed ?? 1);
  const until = opts.until ?? db.now();
  const years = opts.years ?? Math.min(10, Math.max(1, Math.ceil(opts.requests / 10_000)));
  const days = workingDays(kyivDate(new Date(until.getTime() - years * 365 * DAY)), kyivDate(until));
  const batch = Math.max(1, opts.batch ?? 500);
  const clock = db.now;
  const eventsBefore = countEvents(db);
  const outgoing = new Map<number, number>();
  let first = '';
  let last = '';
  try {
    for (let start = 0; start < opts.requests; start += batch) {
      const end = Math.min(opts.requests, start + batch);
      db.sqlite.transaction(() => {
        for (let i = start; i < end; i++) {
          const at = receivedAt(rng, days, i, opts.requests, until);
          const index = oneRequest(db, rng, at, until, outgoing);
          if (!first) first = index;
          last = index;
        }
      })();
      opts.onBatch?.(end);
    }
  } finally {
    db.now = clock;
  }
  return { requests: opts.requests, events: countEvents(db) - eventsBefore, first, last };
}

const countEvents = (db: Db) => (db.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

function workingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) >= 1 && weekday(d) <= 5) out.push(d);
  return out;
}

/** Request `i` of `n` lands on its share of the working days, in office hours, in order. */
function receivedAt(rng: Rng, days: string[], i: number, n: number, until: Date): Date {
  const pos = (i / n) * days.length;
  const day = days[Math.min(days.length - 1, Math.floor(pos))]!;
  const minute = Math.floor((pos % 1) * 9 * 60) + rng.int(0, 2);
  const at = new Date(`${day}T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+02:00`);
  return at.getTime() > until.getTime() ? until : at;
}

function oneRequest(db: Db, rng: Rng, at: Date, until: Date, outgoing: Map<number, number>): string {
  const channel = rng.weighted(CHANNEL_SHARES);
  const type = rng.weighted(TYPE_SHARES);
  const form = channel === 'phone' || (channel === 'in_person' && rng.chance(0.3)) ? 'oral' : 'written';
  let outcome: Outcome = rng.weighted(OUTCOME_SHARES);
  // A written request without a signature is incomplete; most such end as «не розглядається».
  const unsigned = form === 'written' && (outcome === 'not_considered' || rng.chance(0.01));
  if (unsigned && outcome !== 'voided' && rng.chance(0.8)) outcome = 'not_considered';
  if (!unsigned && outcome === 'not_considered') outcome = 'answered';
  const urgent = !unsigned && rng.chance(0.02);
  const year = Number(kyivDate(at).slice(0, 4));
  const who = requester(rng, type, channel);

  db.now = () => at;
  const r = registerRequest(db, {
    receivedAt: at.toISOString(),
    channel,
    form,
    requesterType: type,
    ...who,
    description: description(rng, year),
    urgent,
    urgentReason: urgent ? rng.pick(['Загроза життю через аварійний стан будинку', 'Аварія на водогоні', 'Надзвичайна ситуація в укритті школи']) : '',
    replyBy: who.email && rng.chance(0.7) ? 'email' : channel === 'in_person' ? 'in_person' : 'post',
    signed: form === 'written' && !unsigned,
  });

  // Each action happens later than the previous one, and never after the register's last day.
  let t = at.getTime();
  const act = (afterMs: number, action: string, input: unknown | ((today: string) => unknown)): boolean => {
    t += afterMs;
    if (t > until.getTime()) return false;
    const now = new Date(t);
    db.now = () => now;
    const given = typeof input === 'function' ? (input as (today: string) => unknown)(kyivDate(now)) : input;
    actOnRequest(db, { index: r.index, year, action, input: given, confirmed: true });
    return true;
  };
  const minutes = (a: number, b: number) => rng.int(a, b) * 60_000;
  const days = (a: number, b: number) => rng.int(a, b) * DAY + rng.int(0, 3) * HOUR;

  if (outcome === 'voided') {
    act(minutes(5, 90), 'void', { reason: rng.pick(['Зареєстровано помилково (дублікат запиту)', 'Помилкова реєстрація: це звернення громадянина, а не запит на інформацію']) });
    return r.index;
  }
  if (unsigned && outcome === 'not_considered') {
    act(urgent ? HOUR : days(1, 3), 'not_considered', { missing: 'Запит не підписано (ч. 5 ст. 19 Закону)' });
    return r.index;
  }
  const [executor, unit] = rng.pick(V.EXECUTORS);
  if (rng.chance(0.92) && !act(minutes(20, 300), 'assign', { executor, unit })) return r.index;
  // A typo fixed after registration: the address gets its postcode, or the name its right form.
  if (rng.chance(0.05) && !act(minutes(30, 600), 'correct', { changes: { phone: phoneNumber(rng) }, reason: 'Описка під час реєстрації: уточнено номер телефону зі слів запитувача' }))
    return r.index;
  const notes = rng.weighted({ 0: 15, 1: 35, 2: 35, 3: 15 });
  for (let k = 0; k < Number(notes); k++) if (!act(urgent ? minutes(5, 60) : minutes(60, 1440), 'note', { text: rng.pick(V.NOTES) })) return r.index;
  if (rng.chance(0.07) && !act(minutes(20, 300), 'assign', { executor: rng.pick(V.EXECUTORS)[0], unit: 'передано іншому виконавцю' })) return r.index;

  switch (outcome) {
    case 'refused': {
      const ground = rng.weighted({ 1: 5, 2: 3, 4: 2 }) as unknown as 1 | 2 | 4;
      act(days(1, 4), 'refuse', { ground: Number(ground), explanation: rng.pick(V.REFUSALS[Number(ground) as 1 | 2 | 4]) });
      return r.index;
    }
    case 'redirected': {
      const [holder, holderAddress] = rng.pick(V.HOLDERS);
      act(urgent ? HOUR : days(1, 4), 'redirect', { holder, holderAddress });
      return r.index;
    }
    case 'paid':
    case 'unpaid': {
      if (urgent) break;
      if (!act(days(2, 5), 'cost_notice', { pages: rng.int(11, 180), format: rng.chance(0.9) ? 'A4' : 'A3' })) return r.index;
      if (outcome === 'unpaid') {
        act(days(30, 40), 'refuse', { ground: 3, explanation: 'Запитувач не відшкодував фактичні витрати на копіювання' });
        return r.index;
      }
      if (!act(days(3, 12), 'payment_received', (date: string) => ({ date }))) return r.index;
      break;
    }
  }
  // Extended ones take up to twenty working days; late ones miss the five; urgent ones take hours.
  const extended = !urgent && outcome !== 'paid' && rng.chance(0.08);
  if (extended && !act(days(2, 4), 'extend', { reason: rng.pick(V.EXTENSION_REASONS) })) return r.index;
  const wait = urgent ? rng.int(2, 30) * HOUR : extended ? days(8, 22) : outcome === 'late' ? days(9, 16) : outcome === 'paid' ? days(0, 2) : days(1, 6);
  const sentBy = rng.pick(['post', 'email', 'email', 'in_person']);
  act(wait, 'answer', (date: string) => {
    const y = Number(date.slice(0, 4));
    const n = (outgoing.get(y) ?? 0) + 1;
    outgoing.set(y, n);
    return { outgoingIndex: `01-15/${n}`, date, sentBy };
  });
  return r.index;
}
