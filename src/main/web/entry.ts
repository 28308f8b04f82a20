/** `npm run web`: the web shell on 127.0.0.1 with a register file (REGISTRY_DESK_DB or ./registry-desk.sqlite). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError, isCallerError } from '../../shared/errors';
import { openDb, type Db } from '../db/open';
import { takeLock, type HeldLock } from '../db/ownerLock';
import { startWebShell } from './server';
import { memorySecrets, SyncAgent } from '../sync/agent';

function refuse(message: string, code = 2): never {
  process.stderr.write(`Помилка: ${message}\n`);
  process.exit(code);
}

let values: { db?: string; port?: string; now?: string; server?: string; demo?: boolean; 'demo-requests'?: string };
try {
  ({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, now: { type: 'string' }, server: { type: 'string' }, demo: { type: 'boolean' }, 'demo-requests': { type: 'string' } } }));
} catch (e) {
  refuse(`${(e as Error).message}. Використання: web [--db FILE | --demo [--demo-requests N]] [--port N] [--now ISO] [--server URL]`);
}
const portText = values.port ?? process.env.PORT ?? '5178';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) refuse(`--port має бути числом від 0 до 65535, а не «${portText}»`);
// `--demo`: a throwaway register in the temp folder, filled by the demo generator (never a real register).
if (values.demo && values.db) refuse('--demo створює тимчасовий демонстраційний реєстр; не вказуйте разом з ним --db');
const demoText = values['demo-requests'] ?? '2000';
if (values.demo && (!/^\d{1,6}$/.test(demoText) || Number(demoText) < 1)) refuse(`--demo-requests має бути числом від 1 до 999999, а не «${demoText}»`);
const demoDir = values.demo ? mkdtempSync(join(tmpdir(), 'registry-desk-demo-')) : null;
const dbFile = demoDir ? join(demoDir, 'demo.sqlite') : (values.db ?? process.env.REGISTRY_DESK_DB ?? 'registry-desk.sqlite');
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
if (demoDir) {
  const n = Number(demoText);
  process.stdout.write(`Демонстраційний реєстр: ${n} запитів… (${db.path})\n`);
  // Loaded only for a demo: a desk's normal start never reads the generator.
  const { generateRegister } = await import('../demo/generate');
  generateRegister(db, { requests: n, onBatch: (done) => process.stdout.write(`  ${done} з ${n}\n`) });
}
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), 'renderer');
// The web shell keeps a typed password in memory only; `--server URL` (tests, dev) connects at start.
const secrets = memorySecrets();
const agent = new SyncAgent(db, secrets, values.server ?? null);
agent.start();
const { url } = await startWebShell({ db, port: Number(portText), rendererDir, sync: { agent, secrets } });
process.stdout.write(`Registry Desk (веб-оболонка): ${url}  реєстр: ${db.path}\n`);
const stop = async () => {
  await agent.stop();
  db.sqlite.close();
  lock.release();
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
