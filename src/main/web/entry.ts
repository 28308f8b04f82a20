/** `npm run web`: the web shell on 127.0.0.1 with a register file (REGISTRY_DESK_DB or ./registry-desk.sqlite). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDb } from '../db/open';
import { startWebShell } from './server';
import { memorySecrets, SyncAgent } from '../sync/agent';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, now: { type: 'string' }, server: { type: 'string' } } });
const dbFile = values.db ?? process.env.REGISTRY_DESK_DB ?? 'registry-desk.sqlite';
// A fixed "now" lets e2e tests look at deadlines on a known day; it is never set in normal use.
const fixedNow = values.now ?? process.env.REGISTRY_DESK_NOW;
const db = openDb(dbFile, fixedNow ? { now: () => new Date(fixedNow) } : {});
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), 'renderer');
// The web shell keeps a typed password in memory only; `--server URL` (tests, dev) connects at start.
const secrets = memorySecrets();
const agent = new SyncAgent(db, secrets, values.server ?? null);
agent.start();
const { url } = await startWebShell({ db, port: Number(values.port ?? process.env.PORT ?? 5178), rendererDir, sync: { agent, secrets } });
process.stdout.write(`Registry Desk (веб-оболонка): ${url}  реєстр: ${db.path}\n`);
const stop = async () => {
  await agent.stop();
  db.sqlite.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
