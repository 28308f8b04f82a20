import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { actOnRequest } from '../../src/main/services/actions';
import { registerRequest } from '../../src/main/services/registration';
import { exportReport, getReport } from '../../src/main/services/reports';
import { REPORT_LINES } from '../../src/shared/statistics';
import { atMoment } from '../helpers/cli';
import { libreOfficeCsv, pdfPages, pdfText } from '../helpers/readBack';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeAll(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  const reg = (over: Record<string, unknown>) => registerRequest(t.db, sampleRequest(over)).index;
  const act = (index: string, action: string, input?: unknown) => actOnRequest(t.db, { index, action, input, confirmed: true });
  act(reg({ receivedAt: '2026-10-05T10:00:00+03:00', channel: 'email', email: 'a@b.ua' }), 'answer', { date: '2026-10-06' });
  act(reg({ receivedAt: '2026-10-06T10:00:00+03:00', requesterType: 'legal' }), 'refuse', { ground: 2, explanation: 'обмежений доступ' });
  act(reg({ receivedAt: '2026-10-07T10:00:00+03:00', channel: 'fax' }), 'redirect', { holder: 'ОДА' });
  act(reg({ receivedAt: '2026-10-08T10:00:00+03:00' }), 'void', { reason: 'помилка' });
  const ext = reg({ receivedAt: '2026-11-02T10:00:00+02:00', requesterType: 'association' });
  act(ext, 'extend', { reason: 'великий обсяг' });
  // Received 2 Nov, 5 working days → 9 Nov: overdue on 23 Nov.
  reg({ receivedAt: '2026-11-02T11:00:00+02:00', channel: 'in_person', urgent: true, urgentReason: 'аварія' });
  act(reg({ receivedAt: '2026-11-03T10:00:00+02:00', channel: 'phone', form: 'oral' }), 'cost_notice', { pages: 30, format: 'A4' });
  act(reg({ receivedAt: '2026-11-04T10:00:00+02:00' }), 'not_considered', { missing: 'підпис' });
});
afterAll(() => t.close());

describe('statistics report', () => {
  it('counts by channel, requester, result (refusals per ground), extended, urgent, overdue, by month', () => {
    const s = getReport(t.db, { from: '2026-10-01', to: '2026-11-30' });
    expect(s.totals.total).toBe(7);
    expect(s.totals.voided).toBe(1);
    expect(s.totals.byChannel).toEqual({ in_person: 1, post: 3, email: 1, fax: 1, phone: 1, unknown: 0 });
    expect(s.totals.byChannel.post + s.totals.byChannel.email + s.totals.byChannel.fax + s.totals.byChannel.phone + s.totals.byChannel.in_person).toBe(s.totals.total);
    expect(s.totals.byRequesterType).toEqual({ natural: 5, legal: 1, association: 1 });
    expect(s.totals.satisfied).toBe(1);
    expect(s.totals.refused).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0 });
    expect(s.totals.redirected).toBe(1);
    expect(s.totals.notConsidered).toBe(1);
    expect(s.totals.inWork).toBe(3);
    expect(s.totals.extended).toBe(1);
    expect(s.totals.urgent).toBe(1);
    // Only the urgent one is past its term; the extended one runs to 30 Nov, the costs one waits for payment.
    expect(s.totals.overdueNow).toBe(1);
    expect(s.totals.costNotices).toBe(1);
    expect(s.months.map((m) => [m.month, m.figures.total])).toEqual([['2026-10', 3], ['2026-11', 4]]);
  });

  it('exports PDF and XLSX with the same figures; CLI json gives them too', async () => {
    const period = { from: '2026-10-01', to: '2026-11-30' };
    const stats = getReport(t.db, period);
    const pdf = await exportReport(t.db, { ...period, format: 'pdf', out: join(t.dir, 'r.pdf') });
    const text = pdfText(join(t.dir, 'r.pdf'));
    expect(pdf.pages).toBe(pdfPages(join(t.dir, 'r.pdf')));
    for (const l of REPORT_LINES) expect(text).toContain(l.label);
    expect(text).toContain('з 01.10.2026 по 30.11.2026');
    await exportReport(t.db, { ...period, format: 'xlsx', out: join(t.dir, 'r.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, 'r.xlsx'));
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['Показник', '10.2026', '11.2026', 'Усього']);
    REPORT_LINES.forEach((l, i) => expect((ws.getRow(4 + i).values as unknown[]).slice(1)).toEqual([l.label, l.value(stats.months[0]!.figures), l.value(stats.months[1]!.figures), l.value(stats.totals)]));
    const [lo] = libreOfficeCsv([join(t.dir, 'r.xlsx')], join(t.dir, 'lo'));
    expect(lo!.slice(3).map((r) => r[3])).toEqual(REPORT_LINES.map((l) => String(l.value(stats.totals))));

    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: () => undefined, stdin: () => '' };
    // «overdue now» depends on the day: the CLI runs on the register's 23 Nov, not on the machine's date.
    expect(await atMoment('2026-11-23T10:00:00+02:00', () => runCli(['report', '--db', t.file, '--from', period.from, '--to', period.to, '--format', 'json'], io))).toBe(0);
    expect(JSON.parse(out.join('')).totals).toEqual(stats.totals);
    expect(await runCli(['report', '--db', t.file, '--from', '2026-12-01', '--to', '2026-11-01'], io)).toBe(2);
  });
});
