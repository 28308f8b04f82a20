import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../src/shared/domain';
import { actionWarnings, type GuardContext } from '../../src/shared/termGuards';

const open: GuardContext['state'] = {
  noticeDeadlines: [
    { kind: 'extension_notice', dueDate: '2026-11-09' },
    { kind: 'cost_notice', dueDate: '2026-11-09' },
  ],
};
const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({ state: open, events: [], postalAddress: 'вул. Шевченка, 10', email: '', ...over });
const codes = (...a: Parameters<typeof actionWarnings>) => actionWarnings(...a).map((w) => w.code);

describe('term guards', () => {
  it('an extension on the 5th working day is in time, the day after is late (З-1: due 09.11)', () => {
    expect(codes('extend', {}, ctx(), '2026-11-09')).toEqual([]);
    const [w] = actionWarnings('extend', {}, ctx(), '2026-11-10');
    expect(w).toMatchObject({ code: 'extension_notice_late', dueDate: '2026-11-09' });
    expect(w!.message).toContain('09.11.2026');
    expect(w!.message).toContain('ч. 4 ст. 20');
  });
  it('a cost notice after its limit is late', () => {
    expect(codes('cost_notice', {}, ctx(), '2026-11-09')).toEqual([]);
    expect(codes('cost_notice', {}, ctx(), '2026-11-23')).toEqual(['cost_notice_late']);
  });
  it('no notice limit once extended or urgent (the fold drops it): no warning', () => {
    expect(codes('extend', {}, ctx({ state: { noticeDeadlines: [] } }), '2026-11-23')).toEqual([]);
  });
  it('a refusal on ground 3 the same Kyiv day as the cost notice', () => {
    const events = [{ type: 'cost_notice', at: '2026-11-23T09:00:00+02:00' }] as RequestEvent[];
    expect(codes('refuse', { ground: 3 }, ctx({ events }), '2026-11-23')).toEqual(['refusal_unpaid_same_day']);
    expect(codes('refuse', { ground: 3 }, ctx({ events }), '2026-11-24')).toEqual([]);
    expect(codes('refuse', { ground: 1 }, ctx({ events }), '2026-11-23')).toEqual([]);
  });
  it('a letter to a requester with no address at all', () => {
    const none = ctx({ postalAddress: ' ', email: '' });
    for (const a of ['extend', 'refuse', 'redirect', 'answer'] as const) expect(codes(a, {}, none, '2026-11-05')).toEqual(['no_address']);
    expect(codes('answer', { sentBy: 'in_person' }, none, '2026-11-05')).toEqual([]);
    expect(codes('assign', {}, none, '2026-11-05')).toEqual([]);
    expect(codes('refuse', {}, ctx({ postalAddress: '', email: 'a@b.ua' }), '2026-11-05')).toEqual([]);
  });
});
