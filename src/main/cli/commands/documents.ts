/** stamp, receipt, form, letter: the papers of ../shared/docs/cli.md, written as PDF files. */
import { LETTER_KINDS, type DocumentKind } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import { openDb } from '../../db/open';
import { dbOption, printJson, requireString, type Command, type Io, type Values } from '../command';

const year = (v: Values) => (v.year ? Number(v.year) : undefined);

async function make(v: Values, io: Io, input: Record<string, unknown>, withRegister = true): Promise<void> {
  // Not `withDb`: that closes the register as soon as the call returns, and making a paper is
  // asynchronous — the issue is recorded after the file is written.
  const { makeDocument } = await import('../../services/documents');
  const db = withRegister ? openDb(requireString(v, 'db')) : null;
  let r;
  try {
    r = await makeDocument(db, input);
  } finally {
    db?.sqlite.close();
  }
  const result = { kind: r.kind, path: r.path, ...(r.eventId ? { eventId: r.eventId } : {}) };
  if (v.json) return printJson(io, result);
  io.out(`Записано: ${r.path}\n`);
}

export const stamp: Command = {
  name: 'stamp',
  summary: 'штамп реєстрації: аркуш зі штампом для друку на копію, штамп на скані (--onto), копія запиту зі штампом (--copy) або калібрувальний аркуш (--calibrate)',
  usage: 'stamp --db F --index IDX --out FILE [--onto SCAN.pdf|SCAN.png|SCAN.jpg | --copy | --calibrate] [--year YYYY] [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, onto: { type: 'string' }, copy: { type: 'boolean' }, calibrate: { type: 'boolean' } },
  async run(v, io) {
    const modes = [v.onto !== undefined, v.copy === true, v.calibrate === true].filter(Boolean).length;
    if (modes > 1) throw new AppError('invalid_input', 'Вкажіть щось одне: --onto, --copy або --calibrate');
    const kind: DocumentKind = v.onto !== undefined ? 'stamp_onto' : v.copy ? 'stamped_copy' : v.calibrate ? 'stamp_calibration' : 'stamp_sheet';
    const out = requireString(v, 'out');
    const index = kind === 'stamp_calibration' ? (v.index as string | undefined) : requireString(v, 'index');
    await make(v, io, { kind, index, year: year(v), out, onto: v.onto });
  },
};

export const receiptCommand: Command = {
  name: 'receipt',
  summary: 'розписка відвідувачу про прийняття запиту',
  usage: 'receipt --db F --index IDX --out FILE [--year YYYY] [--json]',
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
  async run(v, io) {
    await make(v, io, { kind: 'receipt', index: requireString(v, 'index'), year: year(v), out: requireString(v, 'out') });
  },
};

export const form: Command = {
  name: 'form',
  summary: 'форма запиту (додаток 4): порожня або заповнена з зареєстрованого запиту',
  usage: 'form --kind natural|legal [--db F [--index IDX]] --out FILE [--json]',
  options: { ...dbOption, kind: { type: 'string' }, index: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
  async run(v, io) {
    const k = requireString(v, 'kind');
    if (k !== 'natural' && k !== 'legal') throw new AppError('invalid_input', '--kind має бути natural (фізична особа) або legal (юридична особа, об’єднання громадян)');
    if (v.index !== undefined && v.db === undefined) throw new AppError('invalid_input', 'Для заповненої форми потрібен реєстр: --db F --index IDX');
    const input = { kind: `form_${k}`, index: v.index, year: year(v), out: requireString(v, 'out') };
    await make(v, io, input, v.db !== undefined);
  },
};

export const letter: Command = {
  name: 'letter',
  summary: `лист запитувачу або розпоряднику: ${LETTER_KINDS.join(', ')}; реєструє вихідний номер (--outgoing) і дату`,
  usage: `letter --db F --index IDX --kind ${LETTER_KINDS.join('|')} --out FILE [--outgoing NUM] [--sheets N] [--year YYYY] [--json]`,
  options: { ...dbOption, index: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, outgoing: { type: 'string' }, sheets: { type: 'string' } },
  async run(v, io) {
    const k = requireString(v, 'kind');
    if (!(LETTER_KINDS as readonly string[]).includes(k)) throw new AppError('invalid_input', `--kind має бути одним із: ${LETTER_KINDS.join(', ')}`);
    await make(v, io, { kind: `letter_${k}`, index: requireString(v, 'index'), year: year(v), out: requireString(v, 'out'), outgoingIndex: v.outgoing, ...(v.sheets !== undefined ? { requestSheets: Number(v.sheets) } : {}) });
  },
};

