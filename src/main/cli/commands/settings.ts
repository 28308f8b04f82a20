/**
 * settings: prints the desk's settings, or changes them with `--set KEY=VALUE` (KEY a dotted path
 * such as `council.responsiblePerson`). Values are validated as in the UI; every change of one
 * call is saved together (with the deadlines it moves) or none is.
 */
import { ADMIN_PASSWORD_ENV } from '../../../shared/adminGuard';
import { AppError } from '../../../shared/errors';
import { firstLine } from './adminPassword';
import { settingsPathLabel } from '../../../shared/fieldLabels';
import { settingsPathType, type SettingsPatch } from '../../../shared/settings';
import { readSettings, updateSettings } from '../../services/settings';
import type { Db } from '../../db/open';
import { dbOption, printJson, withDb, type Command, type Values } from '../command';

/** Turns `KEY=VALUE` into a patch, reading VALUE as the type the field has (text stays text: «0123» is not 123). */
function parseAssignments(v: Values): SettingsPatch {
  const raw = v.set as unknown as string[] | undefined;
  const patch: Record<string, Record<string, unknown>> = {};
  for (const a of raw ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new AppError('invalid_input', `--set очікує КЛЮЧ=ЗНАЧЕННЯ, напр. council.responsiblePerson="Коваль О. М.", а не «${a}»`);
    const key = a.slice(0, eq).trim();
    const text = a.slice(eq + 1);
    const type = settingsPathType(key);
    if (!type) throw new AppError('invalid_input', `Невідомий ключ налаштувань «${key}». Ключі — як у виводі settings --json, напр. council.responsiblePerson, rules.normalDays`);
    const [section, field] = key.split('.') as [string, string];
    let value: unknown = text;
    if (type === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(text.trim())) throw new AppError('invalid_input', `${key}: потрібне число, а не «${text}»`);
      value = Number(text);
    } else if (type === 'boolean') {
      if (text !== 'true' && text !== 'false') throw new AppError('invalid_input', `${key}: потрібно true або false, а не «${text}»`);
      value = text === 'true';
    } else if (type === 'json') {
      try {
        value = JSON.parse(text);
      } catch {
        throw new AppError('invalid_input', `${key}: потрібне значення JSON (напр. null, [..] або "2026-12-31"), а не «${text}»`);
      }
    }
    (patch[section] ??= {})[field] = value;
  }
  return patch as SettingsPatch;
}

/** Saves, and where a confirmation is wanted and not given, says how to give it. */
function saveConfirmed(db: Db, patch: SettingsPatch, confirmed: boolean, adminPassword: string | undefined) {
  try {
    const password = adminPassword === undefined ? {} : { adminPassword };
    return updateSettings(db, patch, confirmed ? { statutoryTerms: true, templateMidYear: true, ...password } : password);
  } catch (e) {
    if (e instanceof AppError && e.fields?.some((f) => f.path.startsWith('confirm.')))
      throw new AppError(e.kind, `${e.message} Щоб підтвердити, повторіть команду з --confirm.`, e.fields);
    throw e;
  }
}

export const settings: Command = {
  name: 'settings',
  summary: 'показати налаштування або змінити їх (--set КЛЮЧ=ЗНАЧЕННЯ …)',
  usage: 'settings --db F [--set KEY=VALUE …] [--confirm] [--admin-password-stdin] [--json]',
  // --confirm: the administrator's word for a statutory term (Art. 20) or a new index format mid-year.
  // The administrator's password (terms, calendar) comes from REGISTRY_DESK_ADMIN_PASSWORD or, with
  // --admin-password-stdin, the first line of standard input — never from the command line.
  options: { ...dbOption, set: { type: 'string', multiple: true }, confirm: { type: 'boolean' }, 'admin-password-stdin': { type: 'boolean' } },
  run(v, io) {
    // Parsed before the register is opened: a bad key or value leaves everything as it was.
    const patch = parseAssignments(v);
    const adminPassword = v['admin-password-stdin'] === true ? firstLine(io.stdin()) : process.env[ADMIN_PASSWORD_ENV];
    // What could not be read is told before a save, which stores the defaults in its place.
    const result = withDb(v, (db) => {
      const read = readSettings(db);
      if (Object.keys(patch).length) return { settings: saveConfirmed(db, patch, v.confirm === true, adminPassword), dropped: read.dropped, saved: true };
      return { ...read, saved: false };
    });
    const then = result.saved ? 'збережено типове значення' : 'діє типове значення';
    for (const d of result.dropped) io.err(`Увага: налаштування «${settingsPathLabel(d.path)}»${d.path ? ` (${d.path})` : ''} не прочитано (${d.message}); ${then}\n`);
    if (v.json) return printJson(io, result.settings);
    io.out(`${JSON.stringify(result.settings, null, 2)}\n`);
  },
};
