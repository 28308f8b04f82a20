/** journal: the monthly (or any period's) registration journal as PDF, XLSX or CSV. */
import { dbOption, printJson, requireString, type Command } from '../command';
import { stderrProgress, withDbAsync } from '../longRun';

export const journal: Command = {
  name: 'journal',
  summary: 'журнал реєстрації запитів за місяць або період (pdf, xlsx, csv)',
  usage: 'journal --db F --month YYYY-MM | --from D --to D --format pdf|xlsx|csv --out FILE [--json]',
  options: { ...dbOption, month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(v, io) {
    const input = { month: v.month, from: v.from, to: v.to, format: requireString(v, 'format'), out: requireString(v, 'out') };
    const { exportJournal } = await import('../../services/journal');
    const r = await withDbAsync(v, (db) => exportJournal(db, input, { onProgress: stderrProgress(io, 'Журнал') }));
    if (v.json) return printJson(io, r);
    io.out(`Журнал записано: ${r.file} (рядків: ${r.rows}${r.pages ? `, сторінок: ${r.pages}` : ''})\n`);
  },
};
