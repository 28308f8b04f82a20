/**
 * admin-password: the administrator sets the password once (and may change it with the current one).
 * Passwords never go on the command line, where other users' `ps` and the shell history show them:
 * the new one is the first line of standard input, the current one comes from REGISTRY_DESK_ADMIN_PASSWORD.
 */
import { ADMIN_PASSWORD_ENV } from '../../../shared/adminGuard';
import { AppError } from '../../../shared/errors';
import { dbOption, printJson, withDb, type Command } from '../command';

/** The first line of standard input, without its line end: a password may hold spaces. */
export const firstLine = (text: string): string => text.split(/\r?\n/)[0] ?? '';

export const adminPassword: Command = {
  name: 'admin-password',
  summary: 'встановити пароль адміністратора (новий — першим рядком стандартного вводу; чинний — у змінній REGISTRY_DESK_ADMIN_PASSWORD)',
  usage: 'admin-password --db F [--json] < файл-з-паролем',
  options: { ...dbOption },
  async run(v, io) {
    const next = firstLine(io.stdin());
    if (!next) throw new AppError('invalid_input', 'Новий пароль адміністратора подайте першим рядком стандартного вводу (не в командному рядку). Пароль не змінено.');
    const { setAdminPassword } = await import('../../services/adminPassword');
    withDb(v, (db) => setAdminPassword(db, next, process.env[ADMIN_PASSWORD_ENV]));
    if (v.json) return printJson(io, { adminPassword: 'set' });
    io.out('Пароль адміністратора збережено (у реєстрі — лише його хеш scrypt).\n');
  },
};
