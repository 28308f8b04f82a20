/**
 * Desk settings, stored as one JSON document in `meta`. Read part by part (a field that no longer
 * validates falls back alone, and is reported); written in one `BEGIN IMMEDIATE` transaction with
 * everything that follows from them — the journal's label and every open request's deadline — so
 * a change is saved with its consequences or not at all.
 */
import { AppError } from '../../shared/errors';
import { kyivDate } from '../../shared/calendar';
import { formatIndex, indexNumberIn } from '../../shared/incomingIndex';
import { CONFIRM_PATH, statutoryChanges, statutoryMessage, templateMidYearMessage, type SettingsConfirm } from '../../shared/settingsGuards';
import { invalidInput } from '../../shared/schemas';
import { adminChanges } from '../../shared/adminGuard';
import { requireAdmin } from './adminPassword';
import { mergeSettings, parseSettingsLeniently, settingsSchema, type DroppedSetting, type Settings } from '../../shared/settings';
import { prepared, type Db } from '../db/open';
import { activeJournalId, labelJournal } from './journals';
import { recomputeAll } from './queries';

const KEY = 'settings';

type Read = { settings: Settings; dropped: DroppedSetting[] };

/**
 * The last parse per connection, keyed by the stored text itself: every call still reads the row
 * (one indexed lookup), so a change saved by this process, another window or another process is
 * seen at once; only the zod parse of text already parsed is skipped. Frozen, as it is shared.
 */
const parsed = new WeakMap<Db['sqlite'], { text: string | undefined; read: Read }>();

const deepFreeze = <T>(x: T): T => {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
};

/** The stored settings and whatever part of them could not be kept. */
export function readSettings(db: Db): Read {
  const text = (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
  const hit = parsed.get(db.sqlite);
  if (hit && hit.text === text) return hit.read;
  const read = deepFreeze(parseStored(text));
  parsed.set(db.sqlite, { text, read });
  return read;
}

function parseStored(text: string | undefined): Read {
  if (text === undefined) return parseSettingsLeniently(undefined);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...parseSettingsLeniently(undefined), dropped: [{ path: '', message: 'Збережені налаштування пошкоджено (не JSON); застосовано типові' }] };
  }
  return parseSettingsLeniently(raw);
}

export function getSettings(db: Db): Settings {
  return readSettings(db).settings;
}

const terms = (s: Settings) => JSON.stringify([s.calendar, s.rules]);
const numbering = (s: Settings) => JSON.stringify([s.index.template, s.index.prefix, s.index.deskCode, s.index.caseIndex]);

/**
 * A new template must not be able to print a number already given: for every index of the journal,
 * if the new template reads it as number n beyond that year's counter, the counter would reach n
 * and print it again.
 */
function refuseRepeatingTemplate(db: Db, s: Settings): void {
  const journalId = activeJournalId(db);
  const last = new Map((prepared(db, 'SELECT year, last FROM counters WHERE journal = ?').all(journalId) as { year: number; last: number }[]).map((r) => [r.year, r.last]));
  const rows = prepared(db, 'SELECT year, incoming_index AS idx FROM requests WHERE journal_id = ?').all(journalId) as { year: number; idx: string }[];
  for (const r of rows) {
    const n = indexNumberIn(s.index.template, { year: r.year, prefix: s.index.prefix, desk: s.index.deskCode, caseIndex: s.index.caseIndex }, r.idx);
    if (n !== null && n > (last.get(r.year) ?? 0))
      throw new AppError('invalid_input', `Шаблон «${s.index.template}» надрукував би номер ${r.idx} (${r.year}) вдруге — такий уже видано. Оберіть інший шаблон.`, [
        { path: 'index.template', message: `Номер ${r.idx} уже видано` },
      ]);
  }
}

/** The index the next number of `year` would print under `s` (a sample to show the clerk). */
const sampleIndex = (s: Settings, year: number) =>
  formatIndex(s.index.template, { n: 1, year, prefix: s.index.prefix, desk: s.index.deskCode, caseIndex: s.index.caseIndex });

/**
 * The changes a person must confirm (see settingsGuards): checked against the stored settings in the
 * write transaction, so what was confirmed is what is saved.
 */
function refuseUnconfirmed(db: Db, before: Settings, next: Settings, confirm: SettingsConfirm): void {
  const terms = statutoryChanges(before.rules, next.rules);
  if (terms.length && !confirm.statutoryTerms)
    throw new AppError('not_allowed', statutoryMessage(), [{ path: CONFIRM_PATH.statutoryTerms, message: statutoryMessage() }, ...terms.map((k) => ({ path: `rules.${k}`, message: 'строк, встановлений законом: потрібне підтвердження адміністратора' }))]);
  // Besides the Art. 20 confirmation: the administrator's password for terms and calendar alike.
  if (adminChanges(before, next).length) requireAdmin(db, confirm.adminPassword);
  const year = Number(kyivDate(db.now()).slice(0, 4));
  const [was, will] = [sampleIndex(before, year), sampleIndex(next, year)];
  if (was === will || confirm.templateMidYear) return;
  const row = prepared(db, 'SELECT count(*) AS n, (SELECT incoming_index FROM requests WHERE journal_id = ? AND year = ? ORDER BY received_at DESC LIMIT 1) AS last FROM requests WHERE journal_id = ? AND year = ?')
    .get(activeJournalId(db), year, activeJournalId(db), year) as { n: number; last: string | null };
  if (row.n > 0) {
    const message = templateMidYearMessage(year, row.n, row.last ?? was, will);
    throw new AppError('not_allowed', message, [{ path: CONFIRM_PATH.templateMidYear, message }]);
  }
}

/**
 * `confirm`: given by the desk's API and the CLI, which must not change a statutory term or the
 * year's index format without a person's word; internal callers (printers remembered) pass none.
 */
export function updateSettings(db: Db, patch: unknown, confirm?: SettingsConfirm): Settings {
  const run = db.sqlite.transaction(() => {
    // Read inside the write lock: two desks changing settings at once cannot merge over a stale copy.
    const before = getSettings(db);
    const r = settingsSchema.safeParse(mergeSettings(before, patch));
    if (!r.success) throw invalidInput(r.error);
    const next = r.data;
    if (confirm) refuseUnconfirmed(db, before, next, confirm);
    if (numbering(next) !== numbering(before)) refuseRepeatingTemplate(db, next);
    prepared(
      db, "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
      .run(KEY, JSON.stringify(next));
    if (next.index.journal !== before.index.journal) labelJournal(db, activeJournalId(db), next.index.journal);
    // A calendar or terms change moves the deadlines of every request, in this same transaction.
    if (terms(next) !== terms(before)) recomputeAll(db);
    return next;
  });
  return run.immediate();
}
