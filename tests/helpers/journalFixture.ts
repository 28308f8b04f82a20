/** A month of varied requests (every result, voided numbers, urgent, extended, costs) for journal, report and open-data tests. */
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import type { Db } from '../../src/main/db/open';
import { sampleRequest } from './tempDb';

const CHANNELS = ['post', 'email', 'in_person', 'fax', 'phone'] as const;
const TYPES = ['natural', 'legal', 'association'] as const;

/** Registers `n` requests spread over the working hours of `month` (YYYY-MM) and closes most of them. */
export function fillMonth(db: Db, month: string, n: number): string[] {
  // Fixtures only: durability is not what is tested, and fsync per request would dominate the run.
  db.sqlite.pragma('synchronous = OFF');
  const indexes: string[] = [];
  const clock = db.now;
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor((i * 27) / n);
    const hh = 8 + (i % 9);
    const channel = CHANNELS[i % CHANNELS.length]!;
    db.now = clock;
    const r = registerRequest(
      db,
      sampleRequest({
        receivedAt: `${month}-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+02:00`,
        channel,
        form: channel === 'phone' ? 'oral' : 'written',
        requesterType: TYPES[i % TYPES.length],
        requesterName: `Запитувач ${i + 1} «Тест»; Іваненко`,
        postalAddress: i % 4 === 0 ? `вул. Грушевського, ${i + 1},\nм. Калуш` : 'вул. Шевченка, 10, м. Калуш',
        email: i % 3 === 0 ? `person${i}@example.ua` : '',
        description: i % 10 === 0 ? `Копії рішень виконавчого комітету щодо благоустрою, "Парк ${i}"; ${'довгий опис '.repeat(12)}` : `Інформація про видатки на ремонт доріг №${i}`,
        urgent: i % 17 === 0,
        urgentReason: i % 17 === 0 ? 'Аварія на водогоні' : '',
      }),
    );
    indexes.push(r.index);
    // Each request is handled a day after it came, as a desk would, so terms are mostly met.
    const handled = new Date(Date.parse(r.receivedAt) + 86_400_000);
    db.now = () => handled;
    const act = (action: string, input?: unknown) => actOnRequest(db, { index: r.index, action, input, confirmed: true });
    switch (i % 8) {
      case 0:
        act('assign', { executor: 'Коваль О. М.' });
        act('answer', { outgoingIndex: `01-15/${i}`, date: r.receivedAt.slice(0, 10) });
        break;
      case 1:
        act('refuse', { ground: ((i % 4) + 1) as 1 | 2 | 3 | 4, explanation: 'Відмова з підстави' });
        break;
      case 2:
        act('redirect', { holder: 'Обласна державна адміністрація' });
        break;
      case 3:
        act('not_considered', { missing: 'немає підпису' });
        break;
      case 4:
        act('void', { reason: 'зареєстровано помилково' });
        break;
      case 5:
        if (!(i % 17 === 0)) act('extend', { reason: 'великий обсяг' });
        break;
      case 6:
        if (!(i % 17 === 0)) act('cost_notice', { pages: 20, format: 'A4' });
        break;
      default:
        break;
    }
  }
  db.now = clock;
  return indexes;
}
