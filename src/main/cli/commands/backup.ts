/** backup and restore of a desk's register. */
import { dbOption, printJson, requireString, withDb, type Command } from '../command';

export const backup: Command = {
  name: 'backup',
  summary: 'резервна копія реєстру (перевірена після запису)',
  usage: 'backup --db F --out FILE [--json]',
  options: { ...dbOption, out: { type: 'string' } },
  async run(v, io) {
    const out = requireString(v, 'out');
    const { backupRegister } = await import('../../services/backup');
    const r = await withDb(v, (db) => backupRegister(db, out));
    if (v.json) return printJson(io, r);
    io.out(`Резервну копію записано: ${r.path} (запитів ${r.requests})\n`);
  },
};

export const restore: Command = {
  name: 'restore',
  summary: 'відновити реєстр з резервної копії (пошкоджену копію відхиляє, реєстр не змінює)',
  usage: 'restore --db F --from FILE [--json]',
  options: { ...dbOption, from: { type: 'string' } },
  async run(v, io) {
    const { restoreRegister } = await import('../../services/backup');
    const r = restoreRegister(requireString(v, 'db'), requireString(v, 'from'));
    if (v.json) return printJson(io, r);
    io.out(`Реєстр відновлено з ${requireString(v, 'from')} (запитів ${r.requests}). Попередній реєстр збережено: ${r.previous ?? '—'}\n`);
  },
};
