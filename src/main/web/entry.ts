/** `npm run web`: the web shell on 127.0.0.1 with a register file (REGISTRY_DESK_DB or ./registry-desk.sqlite). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError, isCallerError } from '../../shared/errors';
import { openDb, type Db } from '../db/open';
import { takeLock, type HeldLock } from '../db/ownerLock';
import { startWebShell } from './server';

function refuse(message: string, code = 2): never {
  process.stderr.write(`Помилка: ${message}\n`);
  process.exit(code);
}

let values: { db?: string; port?: string; now?: string };
try {
  ({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, now: { type: 'string' } } }));
} catch (e) {
  refuse(`${(e as Error).message}. Використання: web [--db FILE] [--port N] [--now ISO]`);
}
const portText = values.port ?? process.env.PORT ?? '5178';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) refuse(`--port має бути числом від 0 до 65535, а не «${portText}»`);
const dbFile = values.db ?? process.env.REGISTRY_DESK_DB ?? 'registry-desk.sqlite';
// A fixed "now" lets e2e tests look at deadlines on a known day; it is never set in normal use.
const fixedNow = values.now ?? process.env.REGISTRY_DESK_NOW;
let db: Db;
let lock: HeldLock;
try {
  // The web shell owns its register like the app does: a restore or a second shell refuses while it runs.
  lock = takeLock(resolve(dbFile), 'web');
  try {
    db = openDb(dbFile, fixedNow ? { now: () => new Date(fixedNow) } : {});
  } catch (e) {
    lock.release();
    throw e;
  }
} catch (e) {
  refuse(e instanceof Error ? e.message : String(e), e instanceof AppError && isCallerError(e.kind) ? 2 : 1);
}
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), 'renderer');
const { url } = await startWebShell({ db, port: Number(portText), rendererDir });
process.stdout.write(`Registry Desk (веб-оболонка): ${url}  реєстр: ${db.path}\n`);
const stop = () => {
  db.sqlite.close();
  lock.release();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
