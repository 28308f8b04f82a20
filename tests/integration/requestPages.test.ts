/**
 * The journal's pages, its search and the «Сьогодні» panel read from indexes (issue 12). Each is
 * checked against the fold-based answer (`getRequest`'s due state, computed by `dueStatus` per
 * request) over a register of a few hundred requests made by the real services, and the query
 * plans are checked to use the indexes rather than scan and sort the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRequest, listPage, listRequests, todayPanel } from '../../src/main/services/queries';
import { TODAY_ROWS } from '../../src/main/services/requestPages';
import type { RequestSummary } from '../../src/shared/domain';
import { bulkRegister } from '../helpers/bulkRegister';
import { openTempDb, type TempDb } from '../helpers/tempDb';

let t: TempDb;
const N = 700;
beforeAll(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  // ~15 a day over ~47 days; every third answered: a few hundred overdue, some due today and soon.
  bulkRegister(t.db, N, { perDay: 15, answerEvery: 3 });
}, 120_000);
afterAll(() => t.close());

function walk(query: Record<string, unknown>, limit: number, rankedUpTo?: number): { rows: RequestSummary[]; totals: number[] } {
  const rows: RequestSummary[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const p = listPage(t.db, { ...query, limit, ...(after ? { after } : {}) }, rankedUpTo);
    rows.push(...p.rows);
    totals.push(p.total);
    if (p.rows.length > limit) throw new Error('page longer than its limit');
    if (!p.next) return { rows, totals };
    after = p.next;
  }
  throw new Error('pages never ended');
}

/** Every request with its due state as the card computes it: the oracle. */
const oracle = () =>
  (t.db.sqlite.prepare('SELECT incoming_index AS i, year FROM requests').all() as { i: string; year: number }[]).map((r) => getRequest(t.db, { index: r.i, year: r.year }));

describe('journal pages', () => {
  it('walks the whole register page by page, newest first, each row once, with the total on every page', () => {
    const all = listRequests(t.db);
    expect(all).toHaveLength(N);
    const { rows, totals } = walk({}, 97);
    expect(rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(totals)).toEqual(new Set([N]));
    const keys = rows.map((r) => r.year * 1e6 + r.seq);
    expect([...keys].sort((a, b) => b - a)).toEqual(keys);
  });

  it('pages a month, a status and the overdue filter, agreeing with the fold', () => {
    const views = oracle();
    const month = '2026-10';
    const inMonth = views.filter((v) => v.receivedDate.startsWith(month));
    expect(inMonth.length).toBeGreaterThan(100);
    const m = walk({ month }, 40);
    expect(new Set(m.rows.map((r) => r.id))).toEqual(new Set(inMonth.map((v) => v.id)));
    expect(m.totals[0]).toBe(inMonth.length);

    const overdue = views.filter((v) => v.dueState === 'overdue');
    expect(overdue.length).toBeGreaterThan(TODAY_ROWS);
    const o = walk({ overdue: true }, 50);
    expect(new Set(o.rows.map((r) => r.id))).toEqual(new Set(overdue.map((v) => v.id)));
    expect(o.rows.every((r) => r.dueState === 'overdue')).toBe(true);
    expect(o.totals[0]).toBe(overdue.length);

    const open = walk({ status: 'open', month }, 33);
    expect(open.rows.map((r) => r.id).sort()).toEqual(inMonth.filter((v) => ['registered', 'in_progress', 'extended', 'awaiting_payment'].includes(v.status)).map((v) => v.id).sort());

    // Each row's due state, result and outgoing number are what the card derives.
    const byId = new Map(views.map((v) => [v.id, v]));
    for (const r of walk({}, 200).rows) {
      const v = byId.get(r.id)!;
      expect([r.dueState, r.status, r.outgoingIndex ?? null], r.index).toEqual([v.dueState, v.status, v.state.answer?.outgoingIndex ?? null]);
    }
  });

  it('refuses a cursor it did not make', () => {
    expect(() => listPage(t.db, { after: "k:1; DROP TABLE requests" })).toThrow(/позиція сторінки/);
    expect(() => listPage(t.db, { limit: 5000 })).toThrow();
  });
});

describe('search pages', () => {
  it('ranks by relevance, the exact incoming index first, paged without repeats', () => {
    const p = listPage(t.db, { search: 'З-5', limit: 10 });
    expect(p.rows[0]!.index).toBe('З-5');
    expect(p.total).toBeGreaterThan(10);
    const words = walk({ search: 'рішення' }, 25);
    expect(words.rows.length).toBe(words.totals[0]);
    expect(new Set(words.rows.map((r) => r.id)).size).toBe(words.rows.length);
    expect(words.rows.every((r) => /рішення/i.test(r.description))).toBe(true);
    // A month narrows the search, and the total follows.
    const inMonth = walk({ search: 'рішення', month: '2026-10' }, 10);
    expect(inMonth.rows.length).toBe(inMonth.totals[0]);
    expect(inMonth.rows.every((r) => r.receivedAt.startsWith('2026-10'))).toBe(true);
    expect(inMonth.rows.length).toBeLessThan(words.rows.length);
  });
});

describe('search pages of a very common word', () => {
  // The line is lowered to 10 hits here, so this register's words take the newest-first path.
  const newestFirst = (rows: RequestSummary[]) => rows.map((r) => r.receivedAt).every((at, i, all) => i === 0 || at <= all[i - 1]!);

  it('lists every hit once, newest first, by keyset, with the same total and the same hits as the ranked order', () => {
    const ranked = walk({ search: 'рішення' }, 25);
    expect(ranked.rows.length).toBeGreaterThan(10);
    const recent = walk({ search: 'рішення' }, 7, 10);
    expect(new Set(recent.totals)).toEqual(new Set([ranked.rows.length]));
    expect(recent.rows.map((r) => r.id).sort()).toEqual(ranked.rows.map((r) => r.id).sort());
    expect(newestFirst(recent.rows)).toBe(true);
    const p = listPage(t.db, { search: 'рішення', limit: 7 }, 10);
    expect(p.next).toMatch(/^r:0:\d+$/);
    // Filters narrow it the same way.
    const inMonth = walk({ search: 'рішення', month: '2026-10', status: 'open' }, 4, 3);
    const rankedInMonth = walk({ search: 'рішення', month: '2026-10', status: 'open' }, 50);
    expect(rankedInMonth.rows.length).toBeGreaterThan(3);
    expect(inMonth.rows.map((r) => r.id).sort()).toEqual(rankedInMonth.rows.map((r) => r.id).sort());
    expect(inMonth.totals[0]).toBe(rankedInMonth.rows.length);
  });

  it('still puts the exact incoming index first, and pages through it without repeats', () => {
    for (const typed of ['З-5', 'з5', 'Z-5', 'З 5']) {
      const first = listPage(t.db, { search: typed, limit: 1 }, 1);
      expect(first.rows[0]!.index, typed).toBe('З-5');
      expect(first.next, typed).toMatch(/^r:1:\d+$/);
      const all = walk({ search: typed }, 3, 1);
      expect(all.rows[0]!.index).toBe('З-5');
      expect(all.rows.filter((r) => r.index === 'З-5')).toHaveLength(1);
      expect(new Set(all.rows.map((r) => r.id)).size).toBe(all.rows.length);
      expect(all.rows.length).toBe(all.totals[0]);
      expect(newestFirst(all.rows.slice(1))).toBe(true);
    }
  });

  it('refuses a keyset cursor it did not make', () => {
    expect(() => listPage(t.db, { search: 'рішення', after: 'r:2:5' })).toThrow(/позиція сторінки/);
  });
});

describe('the «Сьогодні» panel', () => {
  it('holds what the fold says is overdue, due today and due soon, with whole counts', () => {
    const views = oracle();
    const panel = todayPanel(t.db);
    const of = (s: string) => views.filter((v) => v.dueState === s);
    expect(panel.totals).toEqual({ overdue: of('overdue').length, dueToday: of('today').length, dueSoon: of('soon').length });
    expect(panel.dueToday.length + panel.dueSoon.length).toBeGreaterThan(0);
    expect(new Set(panel.dueToday.map((r) => r.id))).toEqual(new Set(of('today').map((v) => v.id)));
    expect(new Set(panel.dueSoon.map((r) => r.id))).toEqual(new Set(of('soon').map((v) => v.id)));
    // Overdue: the first TODAY_ROWS by term, oldest term first.
    expect(panel.overdue).toHaveLength(TODAY_ROWS);
    const dues = panel.overdue.map((r) => r.dueDate!);
    expect([...dues].sort()).toEqual(dues);
    const oldest = of('overdue').map((v) => v.dueDate!).sort();
    expect(dues[0]).toBe(oldest[0]);
  });
});

describe('query plans', () => {
  const plan = (sql: string, ...args: unknown[]) =>
    (t.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('the panel and the journal read indexes in their order, with no sort of the register', () => {
    const overdue = plan(
      `SELECT r.id FROM requests r WHERE r.due_date <= ? AND (r.due_date < ? OR (r.due_at IS NOT NULL AND julianday(r.due_at) < julianday(?))) ORDER BY r.due_date, r.due_at, r.year, r.seq LIMIT 200`,
      '2026-11-23', '2026-11-23', '2026-11-23T08:00:00Z',
    );
    expect(overdue).toMatch(/USING INDEX requests_due/);
    expect(overdue).not.toMatch(/TEMP B-TREE/);
    const first = plan('SELECT r.id FROM requests r WHERE 1 AND (r.year, r.seq, r.pk) < (?, ?, ?) ORDER BY r.year DESC, r.seq DESC, r.pk DESC LIMIT 100', 2026, 500, 1e9);
    expect(first).toMatch(/requests_year_seq/);
    expect(first).not.toMatch(/TEMP B-TREE/);
    // A month sorts its keys from the index alone, never the rows.
    const month = plan('SELECT r.pk, r.year, r.seq FROM requests r WHERE 1 AND r.received_date >= ? AND r.received_date < ? ORDER BY r.year DESC, r.seq DESC, r.pk DESC LIMIT 101', '2026-10-01', '2026-11-01');
    expect(month).toMatch(/COVERING INDEX requests_received/);
    // A status's page and count read requests_status_order (0007) in the journal's order: no sort of every answered request.
    const status = plan('SELECT r.pk, r.year, r.seq FROM requests r WHERE 1 AND r.status = ? ORDER BY r.year DESC, r.seq DESC, r.pk DESC LIMIT 101', 'answered');
    expect(status).toMatch(/COVERING INDEX requests_status_order/);
    expect(status).not.toMatch(/TEMP B-TREE/);
    expect(plan('SELECT count(*) FROM requests r WHERE 1 AND r.status = ?', 'answered')).toMatch(/COVERING INDEX requests_status_order/);
    // A search with a filter walks the hits and looks each request up, never every request of the status probing FTS5.
    const hits = plan(
      'SELECT f.rowid FROM requests_fts f CROSS JOIN requests r ON r.pk = f.rowid WHERE requests_fts MATCH ? AND r.status = ? ORDER BY f.rowid DESC LIMIT ?',
      '"рішення"*', 'answered', 101,
    );
    expect(hits).toMatch(/^SCAN f VIRTUAL TABLE.*SEARCH r USING INTEGER PRIMARY KEY/);
    expect(hits).not.toMatch(/TEMP B-TREE/);
  });
});
