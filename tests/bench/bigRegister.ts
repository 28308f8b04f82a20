/**
 * The clerk's everyday reads on the big register (100,000 requests from the demo generator in the
 * full run): search, the journal's first page and a month, the «Сьогодні» panel, and opening it.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb, type Db } from '../../src/main/db/open';
import { listPage, listRequests, todayPanel } from '../../src/main/services/queries';
import { bareSearchPage } from './searchTwin';
import { alone, percentile, samples, vsRaw, type Suite } from './harness';
import { BENCH_NOW, demoRegisterCopy } from './fixture';

/** 200 searches as clerks type them: common words, surnames and names, incoming numbers. */
export function searchQueries(db: Db): string[] {
  const words = ['рішення', 'бюджету', 'ремонт', 'договорів', 'інформацію', 'копію протоколу', 'тарифи', 'земельних', 'закупівлі', 'освіти'];
  const names = ['Шевченко', 'Коваль', 'Мельник Оксана', 'Бойко', 'Левицька', 'ТОВ', 'Калуш-Буд', 'ОСББ', 'Петренко Іван', 'Гнатюк'];
  const indexes = db.sqlite.prepare('SELECT incoming_index FROM requests ORDER BY (pk * 7919) % 1009 LIMIT 20').pluck().all() as string[];
  const all = [...words, ...names, ...indexes];
  return Array.from({ length: 200 }, (_, i) => all[i % all.length]!);
}

const suite: Suite = async ({ quick, size, log }) => {
  const file = demoRegisterCopy(size, log);
  const reps = quick ? 20 : 100;
  const entries: Awaited<ReturnType<Suite>> = {};
  try {
    // Opening first, on a copy no connection has touched in this process.
    const t0 = performance.now();
    const db = openDb(file, { now: () => BENCH_NOW });
    entries.open = alone(`open and migrate a register of ${size} requests`, performance.now() - t0, '< 1 s', 1000);

    const queries = searchQueries(db);
    // The clerk's first page of results with its total (what the search box shows), vs the bare FTS5 twin.
    const raw1 = bareSearchPage(db);
    let i = 0;
    const ours = await samples(queries.length, () => listPage(db, { search: queries[i++ % queries.length] }));
    i = 0;
    const raw = await samples(queries.length, () => raw1(queries[i++ % queries.length]!));
    entries.search = vsRaw(`p95 of ${queries.length} searches (words, names, numbers) at ${size}: a page and its total, vs bare FTS5`, percentile(ours, 95), percentile(raw, 95), '< 20 ms, ≤ 1.5×', { below: 20, ratio: 1.5 });

    const month = (db.sqlite.prepare('SELECT substr(max(received_date), 1, 7) FROM requests').pluck().get() as string) ?? '2026-11';
    // A page as the journal screen asks for it (`requests:page`); `listRequests` is the CLI's whole
    // list, up to 10,000 rows at once, which is not what the clerk waits for when the journal opens.
    const first = await samples(reps, () => listPage(db, {}));
    const ofMonth = await samples(reps, () => listPage(db, { month }));
    const [p1, p2] = [percentile(first, 95), percentile(ofMonth, 95)];
    entries.list = alone(`p95 of the journal's first page (${p1.toFixed(1)} ms) and of a month (${p2.toFixed(1)} ms), the slower`, Math.max(p1, p2), 'p95 < 20 ms', 20);

    const today = await samples(reps, () => todayPanel(db));
    entries.today = alone(`p95 of the «Сьогодні» panel at ${size}`, percentile(today, 95), '< 50 ms', 50);
    db.sqlite.close();
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
  return entries;
};
export default suite;
