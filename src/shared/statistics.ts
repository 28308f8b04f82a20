/**
 * Statistics of requests for a period — the report and the open-data set are both built from
 * these figures, so what the council reports and what it publishes always agree.
 */
import type { CalendarSettings, IsoDate } from './calendar/types';
import { dueStatus } from './deadlines';
import { CHANNELS, REQUESTER_TYPES, type Channel, type RequesterType, type RequestState } from './domain';
import { CHANNEL_LABEL, NOT_STATED, REQUESTER_TYPE_LABEL } from './wording';

/** What statistics need of a request; nothing personal. */
export interface StatItem {
  receivedDate: IsoDate;
  /** Null when the source did not state it: counted under «не зазначено», never as post. */
  channel: Channel | null;
  requesterType: RequesterType;
  urgent: boolean;
  state: RequestState;
}

export interface Figures {
  /** Registered requests, voided numbers not counted. */
  total: number;
  voided: number;
  /** `unknown`: the channel was not stated (imported journals), so the lines always add up to `total`. */
  byChannel: Record<Channel | 'unknown', number>;
  byRequesterType: Record<RequesterType, number>;
  satisfied: number;
  refused: { 1: number; 2: number; 3: number; 4: number };
  redirected: number;
  notConsidered: number;
  inWork: number;
  extended: number;
  urgent: number;
  answeredLate: number;
  /** An extension or cost notice sent after its 5-working-day limit. */
  noticeLate: number;
  /** Open and past their term at the moment of the report (a snapshot, not a fact of the month). */
  overdueNow: number;
  costNotices: number;
  costCharged: number;
}

export interface Statistics {
  from: IsoDate;
  to: IsoDate;
  /** When `overdueNow` was taken. */
  asOf: string;
  totals: Figures;
  months: { month: string; figures: Figures }[];
}

export function emptyFigures(): Figures {
  return {
    total: 0,
    voided: 0,
    byChannel: { ...(Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>), unknown: 0 },
    byRequesterType: Object.fromEntries(REQUESTER_TYPES.map((t) => [t, 0])) as Record<RequesterType, number>,
    satisfied: 0,
    refused: { 1: 0, 2: 0, 3: 0, 4: 0 },
    redirected: 0,
    notConsidered: 0,
    inWork: 0,
    extended: 0,
    urgent: 0,
    answeredLate: 0,
    noticeLate: 0,
    overdueNow: 0,
    costNotices: 0,
    costCharged: 0,
  };
}

function add(f: Figures, it: StatItem, now: Date, cal: CalendarSettings): void {
  const s = it.state;
  // A voided number was registered by mistake: it is no request, only a number accounted for.
  if (s.status === 'void') {
    f.voided++;
    return;
  }
  f.total++;
  f.byChannel[it.channel ?? 'unknown']++;
  f.byRequesterType[it.requesterType]++;
  if (s.status === 'answered') f.satisfied++;
  else if (s.status === 'refused' && s.refusal) f.refused[s.refusal.ground]++;
  else if (s.status === 'redirected') f.redirected++;
  else if (s.status === 'not_considered') f.notConsidered++;
  else f.inWork++;
  if (s.extended) f.extended++;
  if (it.urgent) f.urgent++;
  if (s.answeredLate) f.answeredLate++;
  // `=== true`: states stored before the cost notice was judged lack the field.
  if (s.extensionLate || s.costNoticeLate === true) f.noticeLate++;
  if (s.due && dueStatus(s.due, now, cal).state === 'overdue') f.overdueNow++;
  if (s.cost) {
    f.costNotices++;
    // Cents as integers while summing, so 0.1 + 0.2 never prints as 0.30000000000000004.
    f.costCharged = Math.round(f.costCharged * 100 + (s.cost.amount ?? 0) * 100) / 100;
  }
}

/** Every month `YYYY-MM` from the month of `from` to the month of `to`. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** Counts the items received within [from, to], in total and by month of receipt. */
export function computeStatistics(items: readonly StatItem[], from: IsoDate, to: IsoDate, now: Date, cal: CalendarSettings): Statistics {
  const totals = emptyFigures();
  const months = new Map(monthsBetween(from, to).map((m) => [m, emptyFigures()]));
  for (const it of items) {
    if (it.receivedDate < from || it.receivedDate > to) continue;
    add(totals, it, now, cal);
    add(months.get(it.receivedDate.slice(0, 7))!, it, now, cal);
  }
  return { from, to, asOf: now.toISOString(), totals, months: [...months].map(([month, figures]) => ({ month, figures })) };
}

/**
 * The report's lines, in the order printed. `code` names the column in the open-data set; the
 * report PDF, the XLSX and the open data all take their figures and wording from here.
 */
export interface ReportLine {
  code: string;
  label: string;
  /** 0: a heading figure; 1: a breakdown under the line above. */
  level: 0 | 1;
  value(f: Figures): number;
  /** Snapshot lines depend on the moment they are taken, so they stay out of the published set. */
  snapshot?: boolean;
}

export const REPORT_LINES: readonly ReportLine[] = [
  { code: 'total', label: 'Надійшло запитів', level: 0, value: (f) => f.total },
  ...CHANNELS.map((c): ReportLine => ({ code: `channel_${c}`, label: CHANNEL_LABEL[c], level: 1, value: (f) => f.byChannel[c] })),
  { code: 'channel_unknown', label: `спосіб надходження ${NOT_STATED}`, level: 1, value: (f) => f.byChannel.unknown },
  { code: 'requesters', label: 'За категорією запитувача:', level: 0, value: (f) => f.total },
  ...REQUESTER_TYPES.map((t): ReportLine => ({ code: `requester_${t}`, label: REQUESTER_TYPE_LABEL[t], level: 1, value: (f) => f.byRequesterType[t] })),
  { code: 'satisfied', label: 'Задоволено (надано відповідь)', level: 0, value: (f) => f.satisfied },
  {
    code: 'refused',
    label: 'Відмовлено',
    level: 0,
    value: (f) => f.refused[1] + f.refused[2] + f.refused[3] + f.refused[4],
  },
  ...([1, 2, 3, 4] as const).map((g): ReportLine => ({ code: `refused_ground_${g}`, label: `з підстави п. ${g} ч. 1 ст. 22`, level: 1, value: (f) => f.refused[g] })),
  { code: 'redirected', label: 'Направлено належному розпоряднику', level: 0, value: (f) => f.redirected },
  { code: 'not_considered', label: 'Залишено без розгляду', level: 0, value: (f) => f.notConsidered },
  { code: 'in_work', label: 'На розгляді', level: 0, value: (f) => f.inWork },
  { code: 'extended', label: 'Строк розгляду продовжено', level: 0, value: (f) => f.extended },
  { code: 'urgent', label: 'Термінові (48 годин)', level: 0, value: (f) => f.urgent },
  { code: 'answered_late', label: 'Розглянуто з порушенням строку', level: 0, value: (f) => f.answeredLate },
  { code: 'notice_late', label: 'Повідомлено про продовження строку чи витрати пізніше 5 робочих днів', level: 0, value: (f) => f.noticeLate },
  { code: 'overdue_now', label: 'Прострочено на дату звіту', level: 0, value: (f) => f.overdueNow, snapshot: true },
  { code: 'cost_notices', label: 'Повідомлено про витрати на копіювання', level: 0, value: (f) => f.costNotices },
  { code: 'cost_charged_uah', label: 'Нараховано витрат на копіювання, грн', level: 0, value: (f) => f.costCharged },
  { code: 'voided', label: 'Анульовано реєстраційних номерів', level: 0, value: (f) => f.voided },
];

/** The requesters heading repeats the total; it carries no column of its own in the open data. */
export const PUBLISHED_LINES = REPORT_LINES.filter((l) => !l.snapshot && l.code !== 'requesters');
