/** What every rendering of the statistics report gets. */
import type { Statistics } from '../../shared/statistics';
import { REPORT_LINES } from '../../shared/statistics';

export interface ReportDoc {
  holder: string;
  title: string;
  period: string;
  /** The day `overdueNow` was counted. */
  asOf: string;
  stats: Statistics;
  signature: { position: string; person: string };
}

/** A printed report has room for this many month columns; longer periods show the totals only. */
export const MAX_MONTH_COLUMNS = 12;

/** The report as a grid: a header and, per line, its label and figures (months, then the total). */
export function reportGrid(d: ReportDoc): { header: string[]; rows: { level: 0 | 1; label: string; values: number[] }[] } {
  const months = d.stats.months.length > 1 && d.stats.months.length <= MAX_MONTH_COLUMNS ? d.stats.months : [];
  const header = ['Показник', ...months.map((m) => `${m.month.slice(5, 7)}.${m.month.slice(0, 4)}`), 'Усього'];
  const rows = REPORT_LINES.map((l) => ({ level: l.level, label: l.label, values: [...months.map((m) => l.value(m.figures)), l.value(d.stats.totals)] }));
  return { header, rows };
}
