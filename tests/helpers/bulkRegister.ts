/**
 * Fills a register with many requests quickly for list and search tests: every request goes
 * through the real `registerRequest` (and some through `actOnRequest`), all in one outer
 * transaction with `synchronous = OFF`, so the rows are exactly what the services write — only
 * the per-request fsync is skipped. Deterministic: the same `n` gives the same register.
 */
import type { Db } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';

const NAMES = ['Петренко Петро', 'Коваленко Олена', 'Шевчук Андрій', "Дем'яненко Ірина", 'Бондар Василь', 'Ткаченко Марія', 'Мельник Юрій', 'Кравець Оксана'];
const TOPICS = [
  'Копія рішення виконавчого комітету про встановлення тарифів',
  'Інформація про використання бюджетних коштів на ремонт доріг',
  'Перелік договорів оренди комунального майна',
  'Протокол засідання постійної комісії з питань освіти',
  'Кошторис на утримання парків і скверів',
  'Дані про кількість звернень громадян за рік',
  'Генеральний план міста та зміни до нього',
  'Відомості про земельні ділянки під забудову',
];

/** The i-th request's moment of receipt: spread backwards from `until`, about `perDay` a day. */
function receivedAt(until: Date, i: number, n: number, perDay: number): string {
  const minutes = Math.floor(((n - 1 - i) * 24 * 60) / perDay);
  return new Date(until.getTime() - minutes * 60_000).toISOString();
}

export interface BulkOptions {
  /** About how many requests arrive a day (sets how far back the register reaches). */
  perDay?: number;
  /** Every k-th request is answered (0: none). The newest few stay open regardless. */
  answerEvery?: number;
}

export function bulkRegister(db: Db, n: number, opts: BulkOptions = {}): void {
  const perDay = opts.perDay ?? 40;
  const answerEvery = opts.answerEvery ?? 2;
  const until = new Date(db.now().getTime() - 60_000);
  const sync = db.sqlite.pragma('synchronous', { simple: true }) as number;
  db.sqlite.pragma('synchronous = OFF');
  try {
    db.sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const at = receivedAt(until, i, n, perDay);
        const r = registerRequest(db, {
          receivedAt: at,
          channel: i % 3 === 0 ? 'email' : 'post',
          requesterName: `${NAMES[i % NAMES.length]} ${i}`,
          postalAddress: `вул. Шевченка, ${(i % 200) + 1}, м. Калуш`,
          ...(i % 3 === 0 ? { email: `person${i}@example.com` } : {}),
          description: `${TOPICS[i % TOPICS.length]} (${i})`,
          signed: true,
          ...(i % 97 === 5 ? { urgent: true, urgentReason: 'Загроза життю' } : {}),
        });
        // Indexes restart each year: the year picks the right З-1.
        const ref = { index: r.index, year: Number(r.receivedAt.slice(0, 4)) };
        if (i % 5 === 1) actOnRequest(db, { ...ref, action: 'assign', input: { executor: 'Іваненко І. І.' } });
        if (answerEvery > 0 && i % answerEvery === 0 && i < n - 50)
          actOnRequest(db, { ...ref, action: 'answer', input: { date: r.receivedAt.slice(0, 10), outgoingIndex: `В-${i}` }, confirmed: true });
      }
    })();
  } finally {
    db.sqlite.pragma(`synchronous = ${sync}`);
  }
}
