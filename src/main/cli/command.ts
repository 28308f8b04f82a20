/** The shape of a CLI command and the helpers every command shares. */
import { readFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { openDb, type Db } from '../db/open';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  /** One line for `--help`, Ukrainian. */
  summary: string;
  usage: string;
  options: Options;
  run(v: Values, io: Io): Promise<void> | void;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  stdin(): string;
}

export const dbOption: Options = { db: { type: 'string' }, json: { type: 'boolean' } };

export function requireString(v: Values, name: string): string {
  const x = v[name];
  if (typeof x !== 'string' || x === '') throw new AppError('invalid_input', `Потрібен параметр --${name}`);
  return x;
}

/** Opens the register for one command and closes it when the command is done (also after an awaited result). */
export function withDb<T>(v: Values, f: (db: Db) => T): T {
  const db = openDb(requireString(v, 'db'));
  let result: T;
  try {
    result = f(db);
  } catch (e) {
    db.sqlite.close();
    throw e;
  }
  if (result instanceof Promise) return result.finally(() => db.sqlite.close()) as T;
  db.sqlite.close();
  return result;
}

/** Reads `--input FILE|-` as JSON; bad JSON is the caller's error (exit 2). */
export function readJsonInput(v: Values, io: Io, required: boolean): unknown {
  const src = v.input;
  if (src === undefined) {
    if (required) throw new AppError('invalid_input', 'Потрібен параметр --input FILE або --input - (JSON зі стандартного входу)');
    return undefined;
  }
  if (typeof src !== 'string') throw new AppError('invalid_input', '--input потребує шляху до файлу або -');
  let text: string;
  try {
    text = src === '-' ? io.stdin() : readFileSync(src, 'utf8');
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося прочитати ${src}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('invalid_input', `Вхідні дані не є коректним JSON: ${(e as Error).message}`);
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
