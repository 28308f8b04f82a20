/** server migrate and sync: the shared PostgreSQL register. */
import { dbOption, printJson, requireString, withDb, type Command } from '../command';

export const serverMigrate: Command = {
  name: 'server migrate',
  summary: 'створити або оновити схему спільного реєстру на сервері PostgreSQL (повторний запуск нешкідливий)',
  usage: 'server migrate --server URL [--json]',
  options: { server: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, io) {
    const url = requireString(v, 'server');
    const { migrateServer, redactUrl } = await import('../../sync/server');
    const r = await migrateServer(url);
    if (v.json) return printJson(io, r);
    io.out(r.applied.length ? `Схему сервера ${redactUrl(url)} оновлено з версії ${r.from} до ${r.to}\n` : `Схема сервера вже актуальна (версія ${r.to})\n`);
  },
};

export const sync: Command = {
  name: 'sync',
  summary: 'синхронізувати реєстр робочого місця зі спільним реєстром: віддати нові події, отримати чужі',
  usage: 'sync --db F --server URL [--desk NAME] [--json]',
  options: { ...dbOption, server: { type: 'string' }, desk: { type: 'string' } },
  async run(v, io) {
    const url = requireString(v, 'server');
    const desk = typeof v.desk === 'string' ? v.desk : undefined;
    const { syncOnce } = await import('../../sync/sync');
    const r = await withDb(v, (db) => syncOnce(db, url, { desk }));
    for (const x of r.rejected) io.err(`Подію ${x.id} (${x.type}) сервер не прийняв: ${x.reason}\n`);
    if (v.json) return printJson(io, r);
    io.out(`Віддано подій: ${r.pushed}, отримано: ${r.pulled}, курсор: ${r.cursor}${r.rejected.length ? `, не прийнято: ${r.rejected.length}` : ''}\n`);
  },
};

export const adopt: Command = {
  name: 'adopt',
  summary: "адміністратору: закріпити реєстр, перенесений на новий комп'ютер (стара копія зупиняється назавжди)",
  usage: 'adopt --db F --server URL [--json]',
  options: { ...dbOption, server: { type: 'string' } },
  async run(v, io) {
    const url = requireString(v, 'server');
    const { adoptRegister } = await import('../../sync/adopt');
    const r = await withDb(v, (db) => adoptRegister(db, url));
    if (v.json) return printJson(io, r);
    io.out(`Реєстр «${r.name}» закріплено на цьому комп'ютері; відкладено невикористаних номерів старого резерву: ${r.setAside}. Стару копію зупинено.\n`);
  },
};
