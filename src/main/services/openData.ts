/**
 * Publishing the open-data set and watching it go stale. Lutsk order item 3: a set is refreshed
 * no later than 3 working days after its data changed. What was published (per-month figures,
 * when, up to which event) is kept in `meta`, so a later change is noticed and dated.
 */
import { addWorkingDays, kyivDate, kyivIso } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { ddmmyyyy } from '../../shared/journalRows';
import { openDataPublishInput } from '../../shared/journalInputs';
import type { OpenDataStatus, PublishResult } from '../../shared/openDataStatus';
import { parseInput } from '../../shared/schemas';
import { computeStatistics, emptyFigures } from '../../shared/statistics';
import type { Db } from '../db/open';
import { ensureWritableDir } from '../journals/atomicFile';
import { monthRecord, passport, writeOpenData, type MonthRecord } from '../journals/openData';
import { calendarAndRules } from './projection';
import { statItems } from './reports';
import { getSettings } from './settings';

const META_KEY = 'opendata_published';
/** Lutsk order, item 3. */
export const REFRESH_WORKING_DAYS = 3;

interface Published {
  at: string;
  folder: string;
  firstPublished: string;
  /** The last event the published figures include; later events are the changes. */
  lastEventPos: number;
  months: Record<string, MonthRecord>;
}

/** Current per-month records from the first month with requests to the current month. */
export function currentRecords(db: Db): Map<string, MonthRecord> {
  const items = statItems(db);
  const today = kyivDate(db.now());
  if (items.length === 0) return new Map();
  const first = items.reduce((m, i) => (i.receivedDate < m ? i.receivedDate : m), today);
  const stats = computeStatistics(items, `${first.slice(0, 7)}-01`, today, db.now(), calendarAndRules(db).cal);
  return new Map(stats.months.map((m) => [m.month, monthRecord(m.month, m.figures)]));
}

function readPublished(db: Db): Published | null {
  const row = db.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Published) : null;
}

const same = (a: MonthRecord, b: MonthRecord) => JSON.stringify(a) === JSON.stringify(b);

export function openDataStatus(db: Db): OpenDataStatus {
  const pub = readPublished(db);
  if (!pub) return { published: null, stale: false, changedMonths: [], firstChangeAt: null, refreshBy: null, overdue: false, message: null };
  const current = currentRecords(db);
  const months = new Set([...current.keys(), ...Object.keys(pub.months)]);
  // A month absent on one side counts as all zeros: an empty new month is no change, a first request in it is.
  const changedMonths = [...months]
    .filter((m) => !same(current.get(m) ?? monthRecord(m, emptyFigures()), pub.months[m] ?? monthRecord(m, emptyFigures())))
    .sort();
  const published = { at: pub.at, folder: pub.folder, months: Object.keys(pub.months).length };
  if (changedMonths.length === 0) return { published, stale: false, changedMonths, firstChangeAt: null, refreshBy: null, overdue: false, message: null };
  const ats = db.sqlite
    .prepare(
      `SELECT e.at FROM events e JOIN requests r ON r.id = e.request_id
       WHERE e.pos > ? AND substr(r.received_date, 1, 7) IN (${changedMonths.map(() => '?').join(',')})`,
    )
    .pluck()
    .all(pub.lastEventPos, ...changedMonths) as string[];
  // An event may carry an earlier moment than the publication (an import of old records, a
  // synced event from another desk): the change became known to this desk no earlier than then.
  const pubMs = Date.parse(pub.at);
  const firstMs = ats.length ? Math.max(pubMs, Math.min(...ats.map((a) => Date.parse(a)))) : db.now().getTime();
  const firstChangeAt = kyivIso(new Date(firstMs));
  const refreshBy = addWorkingDays(kyivDate(firstChangeAt), REFRESH_WORKING_DAYS, calendarAndRules(db).cal);
  const overdue = kyivDate(db.now()) > refreshBy;
  const message = `Набір відкритих даних «${getSettings(db).openData.title}» змінився (${changedMonths.join(', ')}): оприлюдніть оновлення до ${ddmmyyyy(refreshBy)}${overdue ? ' — строк минув' : ''}.`;
  return { published, stale: true, changedMonths, firstChangeAt, refreshBy, overdue, message };
}

export async function publishOpenData(db: Db, raw: unknown = {}): Promise<PublishResult> {
  const input = parseInput(openDataPublishInput, raw ?? {});
  const s = getSettings(db);
  const folder = input.out || s.openData.folder;
  if (!folder) throw new AppError('invalid_input', 'Вкажіть папку для відкритих даних (--out або налаштування «Відкриті дані»)');
  const dir = ensureWritableDir(folder);
  // Read the figures and the last event together, so no change can fall between the two.
  const { records, lastEventPos } = db.sqlite.transaction(() => ({
    records: currentRecords(db),
    lastEventPos: (db.sqlite.prepare('SELECT coalesce(max(pos), 0) FROM events').pluck().get() as number) ?? 0,
  }))();
  const prev = readPublished(db);
  const at = kyivIso(db.now());
  const firstPublished = s.openData.publishedAt || prev?.firstPublished || kyivDate(at);
  const files = await writeOpenData(dir, [...records.values()], passport(s, firstPublished, at));
  const pub: Published = { at, folder: dir, firstPublished, lastEventPos, months: Object.fromEntries(records) };
  db.sqlite
    .prepare("INSERT INTO meta (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    .run(META_KEY, JSON.stringify(pub));
  return { folder: dir, files, months: records.size, publishedAt: at };
}
