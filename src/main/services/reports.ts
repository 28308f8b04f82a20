/** Statistics of a period: the figures (for the UI's charts and `report --format json`), PDF and XLSX. */
import { kyivDate } from '../../shared/calendar';
import type { IsoDate } from '../../shared/calendar/types';
import type { Channel, RequesterType, RequestState } from '../../shared/domain';
import { reportExportInput, reportQuery } from '../../shared/journalInputs';
import { periodText } from '../../shared/journalRows';
import { parseInput } from '../../shared/schemas';
import { computeStatistics, type StatItem, type Statistics } from '../../shared/statistics';
import type { Db } from '../db/open';
import { writeReportPdf } from '../journals/reportPdf';
import type { ReportDoc } from '../journals/reportDoc';
import { writeReportXlsx } from '../journals/reportXlsx';
import type { JobControl } from './jobs';
import { calendarAndRules } from './projection';
import { getSettings } from './settings';

export const REPORT_TITLE = 'Звіт про розгляд запитів на публічну інформацію';

interface StatRow {
  received_date: string;
  channel: string;
  requester_type: string;
  urgent: number;
  state: string;
}

/** What statistics need, read from the projection (no fold, no personal data). */
export function statItems(db: Db, from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): StatItem[] {
  const rows = db.sqlite
    .prepare('SELECT received_date, channel, requester_type, urgent, state FROM requests WHERE received_date >= ? AND received_date <= ?')
    .all(from, to) as StatRow[];
  return rows.map((r) => ({
    receivedDate: r.received_date,
    // '' in the column: an imported journal did not state it.
    channel: r.channel === '' ? null : (r.channel as Channel),
    requesterType: r.requester_type as RequesterType,
    urgent: r.urgent === 1,
    state: JSON.parse(r.state) as RequestState,
  }));
}

export function getReport(db: Db, raw: unknown): Statistics {
  const { from, to } = parseInput(reportQuery, raw);
  return computeStatistics(statItems(db, from, to), from, to, db.now(), calendarAndRules(db).cal);
}

export function reportDoc(db: Db, stats: Statistics): ReportDoc {
  const s = getSettings(db);
  return {
    holder: s.council.name,
    title: REPORT_TITLE,
    period: periodText(stats.from, stats.to),
    asOf: kyivDate(db.now()),
    stats,
    signature: { position: s.council.responsiblePosition, person: s.council.responsiblePerson },
  };
}

export async function exportReport(db: Db, raw: unknown, ctl: JobControl = {}): Promise<{ file: string; format: 'pdf' | 'xlsx'; pages?: number }> {
  const input = parseInput(reportExportInput, raw);
  const doc = reportDoc(db, getReport(db, { from: input.from, to: input.to }));
  if (input.format === 'pdf') return { file: input.out, format: 'pdf', ...(await writeReportPdf(input.out, doc, ctl)) };
  await writeReportXlsx(input.out, doc, ctl);
  return { file: input.out, format: 'xlsx' };
}
