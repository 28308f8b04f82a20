/**
 * Scenarios 6, 7 and 8, property-based over a real PostgreSQL: 2–5 desks (own or shared series,
 * clocks off by up to a day), random registrations and actions, offline spells, lost replies and
 * an unreachable server. After healing and a full sync every desk's register equals the server's;
 * no index repeats in a journal-year, no number is silently skipped, and every registration keeps
 * the date its own desk gave it. SYNC_PROPERTY_SEED / SYNC_PROPERTY_RUNS replay or widen a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { migrateServer } from '../../src/main/sync/server';
import { syncOnce } from '../../src/main/sync/sync';
import { outboxSize } from '../../src/main/sync/state';
import { destroyPgCluster, startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { makeDesk, registerContent, request, type Desk } from '../helpers/syncDesks';

let pgc: PgCluster;
beforeAll(async () => void (pgc = await startPgCluster()));
afterAll(() => destroyPgCluster(pgc));

const HOUR = 3_600_000;
const SKEWS = [0, HOUR, -HOUR, 24 * HOUR, -24 * HOUR];

type Step =
  | { op: 'register'; desk: number }
  | { op: 'act'; desk: number; pick: number; action: number }
  | { op: 'sync'; desk: number }
  | { op: 'toggleOffline'; desk: number }
  | { op: 'lostReply'; desk: number; keep: number }
  | { op: 'unreachable'; desk: number };

const step = (desks: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('register' as const), desk: fc.nat(desks - 1) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('act' as const), desk: fc.nat(desks - 1), pick: fc.nat(1000), action: fc.nat(5) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('sync' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('toggleOffline' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('lostReply' as const), desk: fc.nat(desks - 1), keep: fc.nat(5) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('unreachable' as const), desk: fc.nat(desks - 1) }) },
  );

const scenario = fc
  .record({ desks: fc.integer({ min: 2, max: 5 }), shared: fc.boolean(), skews: fc.array(fc.constantFrom(...SKEWS), { minLength: 5, maxLength: 5 }) })
  .chain((c) => fc.record({ config: fc.constant(c), steps: fc.array(step(c.desks), { minLength: 5, maxLength: 40 }) }));

const ACTIONS = [
  { action: 'assign', input: { executor: 'Коваль О. М.' } },
  { action: 'note', input: { text: 'Передано на розгляд' } },
  { action: 'answer', input: {} },
  { action: 'refuse', input: { ground: 1, explanation: 'Не є публічною інформацією' } },
  { action: 'extend', input: { reason: 'Великий обсяг' } },
  { action: 'void', input: { reason: 'Помилкова реєстрація' } },
] as const;

/** A refusal the desk is entitled to give (state, an exhausted reserve); anything else is a failure. */
const expected = (e: unknown) => e instanceof AppError && ['not_allowed', 'conflict', 'invalid_input'].includes(e.kind);

async function run(config: { desks: number; shared: boolean; skews: number[] }, steps: Step[]): Promise<void> {
  const url = await pgc.createDatabase();
  const dbName = new URL(url).pathname.slice(1);
  await migrateServer(url);
  let t = Date.parse('2026-11-23T07:00:00Z');
  const desks: Desk[] = Array.from({ length: config.desks }, (_, i) =>
    makeDesk(`D${i}`, { series: config.shared ? 'shared' : 'own', skewMs: config.skews[i]!, now: new Date(t) }),
  );
  const offline = new Set<number>();
  const givenDate = new Map<string, string>();
  try {
    for (const d of desks) await syncOnce(d.db, url, { desk: d.name });
    let n = 0;
    for (const s of steps) {
      t += 7 * 60_000;
      desks.forEach((d) => d.setNow(new Date(t)));
      const d = desks[s.desk]!;
      try {
        switch (s.op) {
          case 'register': {
            const r = registerRequest(d.db, request(n++, d.db.now().toISOString()));
            givenDate.set(r.id, r.receivedAt);
            break;
          }
          case 'act': {
            const ids = d.db.sqlite.prepare('SELECT incoming_index AS i, year FROM requests ORDER BY pk').all() as { i: string; year: number }[];
            if (ids.length === 0) break;
            const target = ids[s.pick % ids.length]!;
            actOnRequest(d.db, { index: target.i, year: target.year, ...ACTIONS[s.action]! });
            break;
          }
          case 'sync':
            if (!offline.has(s.desk)) await syncOnce(d.db, url);
            break;
          case 'toggleOffline':
            if (offline.has(s.desk)) offline.delete(s.desk);
            else offline.add(s.desk);
            break;
          case 'lostReply':
            if (offline.has(s.desk)) break;
            // The server commits, the reply never comes: the desk still counts its events as unsent.
            await syncOnce(d.db, url);
            d.db.sqlite.prepare('UPDATE events SET synced_at = NULL WHERE desk = ? AND pos > (SELECT max(pos) FROM events) - ?').run(d.db.deskId, s.keep);
            break;
          case 'unreachable': {
            const before = registerContent(d.db);
            await expect(syncOnce(d.db, `postgres://postgres@127.0.0.1:1/${dbName}`)).rejects.toThrow(/Сервер недоступний/);
            expect(registerContent(d.db)).toEqual(before);
            break;
          }
        }
      } catch (e) {
        if (!expected(e)) throw e;
      }
    }
    // Healing: everyone online, two full rounds (the second brings the first round's late arrivals).
    for (let round = 0; round < 2; round++) for (const d of desks) await syncOnce(d.db, url);

    const serverEvents = (await pgc.sql(dbName, "SELECT id::text AS id FROM events WHERE type <> 'number_unused' ORDER BY id")).map((r) => r.id as string);
    const first = registerContent(desks[0]!.db);
    for (const d of desks) {
      expect(outboxSize(d.db)).toBe(0);
      const c = registerContent(d.db);
      expect(c).toEqual(first);
      expect(c.events.map((e) => (e as { id: string }).id)).toEqual([...serverEvents].sort());
      expect(verifyRegister(d.db).findings).toEqual([]);
      // Scenario 8: each registration keeps the date and time its own desk gave it.
      for (const r of c.requests as { id: string; received_at: string }[]) if (givenDate.has(r.id)) expect(r.received_at).toBe(givenDate.get(r.id));
    }
    // Scenario 7: no index twice in a journal-year; no silent gap in any series.
    const reqs = first.requests as { journal: string; year: number; incoming_index: string; seq: number; desk: string }[];
    const keys = reqs.map((r) => `${r.year}|${r.incoming_index}`);
    expect(new Set(keys).size).toBe(keys.length);
    const serverNumbers = await pgc.sql(dbName, "SELECT year, series, seq FROM numbers WHERE request_id NOT LIKE 'unused:%'");
    expect(serverNumbers).toHaveLength(reqs.length);
    const gaps = await pgc.sql(
      dbName,
      `SELECT n.year, n.series, s FROM (SELECT year, series, max(seq) AS m FROM numbers GROUP BY year, series) n, generate_series(1, n.m) s
       WHERE NOT EXISTS (SELECT 1 FROM numbers x WHERE x.year = n.year AND x.series = n.series AND x.seq = s)
         AND NOT (n.series = '' AND EXISTS (SELECT 1 FROM number_leases l WHERE l.year = n.year AND l.seq = s))`,
    );
    expect(gaps).toEqual([]);
  } finally {
    for (const d of desks) if (d.db.sqlite.open) d.db.sqlite.close();
  }
}

describe('convergence (property-based)', () => {
  it('6–8. any mix of desks, actions, offline spells and faults converges to the server, numbers unique and gapless', async () => {
    const seed = Number(process.env.SYNC_PROPERTY_SEED ?? Date.now() % 2_147_483_647);
    const numRuns = Number(process.env.SYNC_PROPERTY_RUNS ?? 20);
    console.log(`sync convergence property: seed=${seed} runs=${numRuns} (replay: SYNC_PROPERTY_SEED=${seed})`);
    await fc.assert(fc.asyncProperty(scenario, ({ config, steps }) => run(config, steps)), { seed, numRuns, endOnFailure: true });
  }, 600_000);
});
