/** report: statistics of a period as JSON (the figures), PDF or XLSX. */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { dbOption, printJson, requireString, withDb, type Command } from '../command';
import { withDbAsync } from '../longRun';

export const report: Command = {
  name: 'report',
  summary: 'статистика запитів за період (json, pdf, xlsx)',
  usage: 'report --db F --from D --to D [--format json|pdf|xlsx] [--out FILE]',
  options: { ...dbOption, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(v, io) {
    const period = { from: requireString(v, 'from'), to: requireString(v, 'to') };
    const format = (v.format as string | undefined) ?? 'json';
    const { exportReport, getReport } = await import('../../services/reports');
    if (format === 'json') {
      const stats = withDb(v, (db) => getReport(db, period));
      // The figures are the output; --out also keeps a copy in a file.
      const { writeAtomically } = await import('../../journals/atomicFile');
      if (typeof v.out === 'string') await writeAtomically(v.out, (tmp) => writeFile(tmp, `${JSON.stringify(stats, null, 2)}\n`));
      return printJson(io, stats);
    }
    if (format !== 'pdf' && format !== 'xlsx') throw new AppError('invalid_input', 'Формат звіту: json, pdf або xlsx');
    const r = await withDbAsync(v, (db) => exportReport(db, { ...period, format, out: requireString(v, 'out') }));
    if (v.json) return printJson(io, r);
    io.out(`Звіт записано: ${r.file}\n`);
  },
};
