/** import: an old journal from XLSX or CSV, with a mapping file and a dry run. */
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { ImportReport } from '../../services/import';
import { dbOption, printJson, requireString, type Command, type Io } from '../command';
import { stderrProgress, withDbAsync } from '../longRun';

function readMapping(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося прочитати файл відповідності стовпців ${file}: ${(e as Error).message}`);
  }
}

function printReport(io: Io, r: ImportReport): void {
  io.out(`${r.dryRun ? 'Пробний імпорт (нічого не записано)' : 'Імпорт'}: рядків ${r.rows}, ${r.dryRun ? 'буде імпортовано' : 'імпортовано'} ${r.imported}, відхилено ${r.refused}, порожніх ${r.emptyRows}\n`);
  for (const p of r.problems) io.out(`  рядок ${p.line}${p.index ? ` (${p.index})` : ''}: ${p.reason}\n`);
  for (const c of r.counters) io.out(`Наступний номер ${c.year} року: ${c.last + 1}\n`);
}

export const importJournal: Command = {
  name: 'import',
  summary: 'імпорт наявного журналу з XLSX або CSV (--dry-run: лише перевірити)',
  usage: 'import --db F --from FILE.xlsx|csv [--mapping FILE] [--dry-run] [--json]',
  options: { ...dbOption, from: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(v, io) {
    const input = { file: requireString(v, 'from'), mapping: readMapping(v.mapping as string | undefined) };
    const { previewImport, runImport } = await import('../../services/import');
    const ctl = { onProgress: stderrProgress(io, v['dry-run'] ? 'Перевірка' : 'Імпорт') };
    const r = await withDbAsync(v, (db) => (v['dry-run'] ? previewImport(db, input, ctl) : runImport(db, input, ctl)));
    return v.json ? printJson(io, r) : printReport(io, r);
  },
};
