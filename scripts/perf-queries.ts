/**
 * Measures the register's read paths at scale (not a test: figures for the report).
 * npx tsx scripts/perf-queries.ts [n] [register-file]
 * Builds the register once and keeps it: 5,000 requests through the real services
 * (tests/helpers/bulkRegister), then copies of them in SQL, each copy moved 125 days further back,
 * until there are n (the copies' event chains are not valid: this register is for timing only).
 */
import { existsSync } from 'node:fs';
import { openDb } from '../src/main/db/open';
import { listRequests, todayPanel } from '../src/main/services/queries';
import * as queries from '../src/main/services/queries';
import { bulkRegister } from '../tests/helpers/bulkRegister';

const n = Number(process.argv[2] ?? 100_000);
const file = process.argv[3] ?? `/tmp/rd-perf-${n}.sqlite`;
const now = new Date('2026-11-23T10:00:00+02:00');
const fresh = !existsSync(file);
console.log(`RSS before opening (node + tsx + modules): ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
let t0 = performance.now();
const db = openDb(file, { now: () => now, user: 'perf' });
if (!fresh) console.log(`first open (migrating if needed): ${(performance.now() - t0).toFixed(1)} ms`);
if (fresh) {
  const base = Math.min(n, 5000);
  bulkRegister(db, base, { perDay: 40 });
  const cols = `journal, journal_id, series, channel, form, requester_type, requester_name, postal_address, email, phone, description, urgent,
    urgent_reason, reply_by, signed, official_name, official_phone, complete, missing, status, executor, due_at, state, desk, updated_at`;
  db.sqlite.pragma('synchronous = OFF');
  db.sqlite.transaction(() => {
    for (let k = 1; k * base < n; k++) {
      const days = `'-${k * 125} days'`;
      db.sqlite
        .prepare(
          `INSERT INTO requests (id, year, seq, incoming_index, received_at, received_date, due_date, ${cols})
           SELECT id || '-' || ?, CAST(substr(date(received_date, ${days}), 1, 4) AS INTEGER), seq + ?, 'З-' || (seq + ?),
             date(received_date, ${days}) || substr(received_at, 11), date(received_date, ${days}), date(due_date, ${days}), ${cols}
           FROM requests WHERE pk <= ? ORDER BY pk LIMIT ?`,
        )
        .run(k, k * base, k * base, base, Math.min(base, n - k * base));
      db.sqlite
        .prepare(
          `INSERT INTO events (id, request_id, type, payload, at, desk, user, hlc, hash, mac)
           SELECT e.id || '-' || ?, e.request_id || '-' || ?, e.type, e.payload, e.at, e.desk, e.user, e.hlc, e.hash, e.mac
           FROM events e JOIN requests r ON r.id = e.request_id WHERE r.pk <= ? AND r.pk <= ?`,
        )
        .run(k, k, base, Math.min(base, n - k * base));
      db.sqlite
        .prepare(
          `INSERT INTO requests_fts (rowid, request_id, incoming_index, requester, description, notes)
           SELECT c.pk, c.id, c.incoming_index || ' з' || c.seq, f.requester, f.description, f.notes
           FROM requests c JOIN requests t ON t.id || '-' || ? = c.id JOIN requests_fts f ON f.rowid = t.pk WHERE t.pk <= ?`,
        )
        .run(k, base);
    }
  })();
  console.log(`built ${n} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
db.sqlite.close();
t0 = performance.now();
const d = openDb(file, { now: () => now, user: 'perf' });
console.log(`open: ${(performance.now() - t0).toFixed(1)} ms`);

/** Wall time (what the clerk waits) and CPU time of this process (less disturbed by a busy machine). */
function stats(name: string, times: number, f: () => unknown): void {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c = process.cpuUsage();
    const a = performance.now();
    f();
    wall.push(performance.now() - a);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(2).padStart(9);
  console.log(`${name.padEnd(36)} wall p50 ${p(wall, 0.5)} p95 ${p(wall, 0.95)} ms | cpu p50 ${p(cpu, 0.5)} p95 ${p(cpu, 0.95)} ms`);
}
const page = (queries as Record<string, unknown>).listPage as ((db: unknown, q: unknown) => unknown) | undefined;
const reps = Number(process.env.REPS ?? 20);
stats('todayPanel', reps, () => todayPanel(d));
if (page) {
  stats('listPage first page (100)', reps, () => page(d, { limit: 100 }));
  stats('listPage first page (200, the UI)', reps, () => page(d, { limit: 200 }));
  stats('listPage page 40 by keyset', reps, () => page(d, { limit: 100, after: 'k:2025:1000:1' }));
  stats('listPage month 2026-03', reps, () => page(d, { month: '2026-03', limit: 100 }));
  stats('listPage search «рішення»', reps, () => page(d, { search: 'рішення', limit: 100 }));
  stats('listPage search name «Шевчук»', reps, () => page(d, { search: 'Шевчук', limit: 100 }));
  stats('listPage search index «З-500»', reps, () => page(d, { search: 'З-500', limit: 100 }));
  stats('listPage overdue', reps, () => page(d, { overdue: true, limit: 100 }));
} else {
  stats('listRequests({}) (limit 10000)', reps, () => listRequests(d, {}));
  stats('listRequests limit 500 (UI)', reps, () => listRequests(d, { limit: 500 }));
  stats('listRequests month 2026-03', reps, () => listRequests(d, { month: '2026-03' }));
  stats('listRequests search «рішення»', reps, () => listRequests(d, { search: 'рішення', limit: 2000 }));
  stats('listRequests search «Шевчук»', reps, () => listRequests(d, { search: 'Шевчук', limit: 500 }));
  stats('listRequests search «З-500»', reps, () => listRequests(d, { search: 'З-500', limit: 500 }));
  stats('listRequests overdue', reps, () => listRequests(d, { overdue: true, limit: 500 }));
}
const bare = d.sqlite.prepare("SELECT rowid FROM requests_fts WHERE requests_fts MATCH ? ORDER BY rank LIMIT 100");
stats('bare FTS5 «рішення» bm25 top 100', reps, () => bare.all('"рішення"*'));
const bareAll = d.sqlite.prepare("SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?");
stats('bare FTS5 «рішення» all rowids', reps, () => bareAll.all('"рішення"*'));
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
