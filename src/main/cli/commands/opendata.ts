/** opendata: publish the open-data set into a folder, or show whether the published one is stale. */
import { dbOption, printJson, withDb, type Command } from '../command';
import { withDbAsync } from '../longRun';

export const opendata: Command = {
  name: 'opendata',
  summary: 'набір відкритих даних «Звіт щодо задоволення запитів на інформацію» з паспортом; --status: чи потрібне оновлення',
  usage: 'opendata --db F [--out DIR] [--status] [--json]',
  options: { ...dbOption, out: { type: 'string' }, status: { type: 'boolean' } },
  async run(v, io) {
    const { openDataStatus, publishOpenData } = await import('../../services/openData');
    if (v.status) {
      const s = withDb(v, (db) => openDataStatus(db));
      if (v.json) return printJson(io, s);
      io.out(s.published ? `${s.message ?? `Набір актуальний (оприлюднено ${s.published.at})`}\n` : 'Набір ще не оприлюднювали\n');
      return;
    }
    const r = await withDbAsync(v, (db) => publishOpenData(db, { out: v.out as string | undefined }));
    if (v.json) return printJson(io, r);
    io.out(`Відкриті дані записано в ${r.folder}: ${r.files.length} файли, місяців: ${r.months}\n`);
  },
};
