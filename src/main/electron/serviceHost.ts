/**
 * The service host: Electron's `utilityProcess` that owns the register's connection and runs the
 * API (issue 12). The window's process only forwards each call here (serviceHostClient.ts), so a
 * long query, an import's checks or a sync never stall the window or its IPC; long jobs still run
 * in a worker thread of this process (worker/jobThread.ts), so «Скасувати» and card reads are
 * answered while an import writes. What only main can do — printing, the folder dialog, the OS
 * keychain — is asked of main with a request id. No Electron import: this runs as plain Node too
 * (the tests start it under a stand-in `process.parentPort`).
 */
import { AppError, type AppErrorData } from '../../shared/errors';
import type { PrintPort } from '../../shared/documents';
import { createHandlers, dispatch, toErrorData } from '../api/handlers';
import { openDb, type Db } from '../db/open';
import type { KeyStore } from '../db/registerKey';
import { useNativeBinding } from '../db/sqlite';
import { SyncAgent, type SecretStore } from '../sync/agent';
import { chooseGrantedFolder, restoreGrantedFolders } from './grantedFolders';
import { describeOpenFailure } from './openFailure';
import type { FromHost, HostAsk, HostStart, ToHost } from './serviceHostProtocol';

/** Electron's `process.parentPort` (a MessagePortMain): messages arrive as events with `data`. */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('serviceHost runs only as a utility process (process.parentPort is missing)');
const post = (m: FromHost) => port.postMessage(m);

let db: Db | null = null;
let agent: SyncAgent | null = null;
let nextAsk = 1;
const asked = new Map<number, { ok: (v: unknown) => void; fail: (e: AppError) => void }>();

function ask<T>(question: HostAsk): Promise<T> {
  const id = nextAsk++;
  return new Promise<T>((ok, fail) => {
    asked.set(id, { ok: ok as (v: unknown) => void, fail });
    post({ type: 'ask', id, ask: question });
  });
}

/** Printing is the window's: the host asks main, which prints in a hidden window of its own. */
const relayedPrint: PrintPort = {
  printers: () => ask({ what: 'printers' }),
  print: (path, printer) => ask({ what: 'print', path, printer }),
};

/**
 * The server password: main unsealed it at start; a new one is kept here at once and sealed by
 * main (the OS keychain is main's). Without a keychain it is refused here, as main would refuse it.
 */
function relayedSecrets(initial: string | null, storable: boolean): SecretStore {
  let password = initial;
  return {
    get: () => password,
    set(next) {
      if (next !== null && !storable)
        throw new AppError('io', 'Система не надає захищеного сховища паролів, тому пароль не збережено. Зверніться до адміністратора.');
      password = next;
      ask({ what: 'setPassword', password: next }).catch((e: unknown) => process.stderr.write(`Пароль сервера не збережено: ${(e as Error).message}\n`));
    },
  };
}

/** Thrown by the key store when a new register needs a key: main must seal it before anything is sealed with it. */
class KeyToSeal extends AppError {
  constructor(readonly key: Buffer) {
    super('io', 'Новий ключ реєстру ще не збережено');
  }
}

/**
 * Opens the register with the key main holds. A register with no key yet: openDb makes one and
 * asks the store to keep it before sealing anything; the store hands it to main to seal in the
 * keychain, and only after main's answer is the register opened again with it.
 */
async function openWithKey(start: HostStart): Promise<Db> {
  let key: Buffer | null = start.key ? Buffer.from(start.key, 'hex') : null;
  for (;;) {
    const held = key;
    const keyStore: KeyStore = {
      load: () => held,
      save: (made) => {
        throw new KeyToSeal(made);
      },
      describe: () => start.keyWhere,
    };
    try {
      return openDb(start.dbPath, { keyStore });
    } catch (e) {
      if (!(e instanceof KeyToSeal) || held) throw e;
      await ask({ what: 'saveKey', key: e.key.toString('hex') });
      key = e.key;
    }
  }
}

async function begin(start: HostStart): Promise<void> {
  useNativeBinding(start.nativeBinding);
  try {
    db = await openWithKey(start);
  } catch (e) {
    post({ type: 'openFailed', ...describeOpenFailure(e, start.dbPath) });
    return;
  }
  const opened = db;
  // Beyond the register's own folder the API reaches only folders the person chose in main's dialog.
  restoreGrantedFolders(opened, start.grantsFile);
  const secrets = relayedSecrets(start.password, start.passwordStorable);
  // The sync agent runs beside the connection it writes through.
  agent = new SyncAgent(opened, secrets);
  agent.start();
  const handlers = createHandlers(opened, relayedPrint, { agent, secrets }, {
    chooseFolder: () => chooseGrantedFolder(opened, start.grantsFile, () => ask<string | null>({ what: 'chooseFolder' })),
  });
  port!.on('message', ({ data }) => {
    const m = data as ToHost;
    if (m.type === 'call')
      void Promise.resolve(dispatch(handlers, m.method, m.input)).then((result) => post({ type: 'answer', id: m.id, result }));
  });
  post({ type: 'ready' });
}

async function stop(): Promise<void> {
  // A sync under way finishes its SQLite transaction before the register closes.
  await agent?.stop();
  agent = null;
  if (db?.sqlite.open) db.sqlite.close();
  db = null;
  post({ type: 'stopped' });
  process.exit(0);
}

port.on('message', ({ data }) => {
  const m = data as ToHost;
  if (m.type === 'start') void begin(m).catch((e: unknown) => post({ type: 'openFailed', ...describeOpenFailure(e, m.dbPath) }));
  else if (m.type === 'reply') {
    const waiting = asked.get(m.id);
    asked.delete(m.id);
    if (!waiting) return;
    if (m.ok) waiting.ok(m.value);
    else waiting.fail(new AppError((m.error as AppErrorData).kind, m.error.message, m.error.fields));
  } else if (m.type === 'stop') void stop().catch((e: unknown) => {
    process.stderr.write(`${toErrorData(e).message}\n`);
    process.exit(1);
  });
});
