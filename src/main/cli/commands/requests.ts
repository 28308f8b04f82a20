/** register, show, list, act: the register's everyday commands. */
import { ACTIONS, type RequestSummary, type RequestView } from '../../../shared/domain';
import { STATUS_LABEL } from '../../../shared/wording';
import type { TermWarning } from '../../../shared/termGuards';
import { REQUIRED_PART_LABEL } from '../../../shared/wording';
import type { RequiredPart } from '../../../shared/domain';
import { dueText, showText } from '../showText';
import { dbOption, printJson, readJsonInput, requireString, withDb, type Command, type Io } from '../command';

const printView = (io: Io, r: RequestView): void => io.out(showText(r));

const line = (s: RequestSummary) => `${s.index}\t${s.receivedAt.slice(0, 10)}\t${STATUS_LABEL[s.status]}\t${dueText(s)}\t${s.requesterName}`;

export const register: Command = {
  name: 'register',
  summary: 'зареєструвати запит (JSON з --input FILE або -)',
  usage: 'register --db F --input FILE|- [--json]',
  options: { ...dbOption, input: { type: 'string' } },
  async run(v, io) {
    const input = readJsonInput(v, io, true);
    const { pastReceiptWarning, registerRequest } = await import('../../services/registration');
    // cli.md registers whatever is well-formed (imports of old paper journals need past dates); a
    // date the desk would ask about is said on stderr, never on the --json stdout.
    const r = withDb(v, (db) => {
      const done = registerRequest(db, input);
      const past = pastReceiptWarning(db, done.receivedAt);
      if (past) io.err(`Увага: ${past.replace(/ Перевірте дату або підтвердьте її\.$/, '')}\n`);
      return done;
    });
    if (v.json) return printJson(io, r);
    io.out(`Зареєстровано: вх. № ${r.index}; строк відповіді: ${dueText(r)}\n`);
    if (!r.complete) io.out(`Увага: запит неповний, бракує: ${r.missing.map((m) => REQUIRED_PART_LABEL[m as RequiredPart] ?? m).join('; ')}\n`);
  },
};

export const show: Command = {
  name: 'show',
  summary: 'показати запит, його стан, строки й історію',
  usage: 'show --db F --index IDX [--year YYYY] [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' } },
  async run(v, io) {
    const { getRequest } = await import('../../services/queries');
    const r = withDb(v, (db) => getRequest(db, { index: requireString(v, 'index'), year: v.year ? Number(v.year) : undefined }));
    return v.json ? printJson(io, r) : printView(io, r);
  },
};

export const list: Command = {
  name: 'list',
  summary: 'перелік запитів з фільтрами і пошуком',
  usage: 'list --db F [--month YYYY-MM] [--status S|open] [--overdue] [--search TEXT] [--json]',
  options: { ...dbOption, month: { type: 'string' }, status: { type: 'string' }, overdue: { type: 'boolean' }, search: { type: 'string' } },
  async run(v, io) {
    const { listRequests } = await import('../../services/queries');
    const rows = withDb(v, (db) => listRequests(db, { month: v.month, status: v.status, overdue: v.overdue, search: v.search }));
    if (v.json) return printJson(io, rows);
    for (const s of rows) io.out(`${line(s)}\n`);
    io.out(`Усього: ${rows.length}\n`);
  },
};

export const act: Command = {
  name: 'act',
  summary: `дія над запитом: ${ACTIONS.join(', ')}`,
  usage: 'act --db F --index IDX --action A [--input FILE|-] [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, action: { type: 'string' }, input: { type: 'string' } },
  async run(v, io) {
    const input = readJsonInput(v, io, false);
    const { actOnRequest } = await import('../../services/actions');
    // A script cannot answer a question: the action goes ahead and each term warning is told on stderr (kept in the event too).
    const r = withDb(v, (db) =>
      actOnRequest(db, { index: requireString(v, 'index'), year: v.year ? Number(v.year) : undefined, action: requireString(v, 'action'), input, confirmed: true }),
    );
    const warnings = (r.events.at(-1)?.payload as { warnings?: TermWarning[] } | undefined)?.warnings ?? [];
    for (const w of warnings) io.err(`Попередження: ${w.message}\n`);
    return v.json ? printJson(io, r) : printView(io, r);
  },
};

export const resolve: Command = {
  name: 'resolve',
  summary: 'вирішити конфлікт робочих місць: залишити одну з несумісних дій (рішення записується в історію)',
  usage: 'resolve --db F --index IDX [--year YYYY] --keep EVENT_ID [--note TEXT] [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, keep: { type: 'string' }, note: { type: 'string' } },
  async run(v, io) {
    const input = { index: requireString(v, 'index'), year: v.year ? Number(v.year) : undefined, keep: requireString(v, 'keep'), note: typeof v.note === 'string' ? v.note : undefined };
    const { resolveConflict } = await import('../../services/conflicts');
    const r = withDb(v, (db) => resolveConflict(db, input));
    return v.json ? printJson(io, r) : printView(io, r);
  },
};

export const attach: Command = {
  name: 'attach',
  summary: 'долучити скан запиту або відповіді (PDF, PNG, JPEG, до 20 МБ); show перелічує скани',
  usage: 'attach --db F --index IDX [--year YYYY] --file SCAN.pdf|png|jpg [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, file: { type: 'string' } },
  async run(v, io) {
    const file = requireString(v, 'file');
    const { attachFile } = await import('../../services/attachments');
    const r = withDb(v, (db) => attachFile(db, { index: requireString(v, 'index'), year: v.year ? Number(v.year) : undefined }, file));
    if (v.json) return printJson(io, r);
    io.out(`Скан ${r.name} (${Math.max(1, Math.round(r.size / 1024))} КБ) долучено до запиту ${r.index}\n`);
  },
};
