/**
 * Binds every method of the API contract to its service. Both shells (Electron IPC and the
 * web shell) dispatch through here, so they can never offer different APIs.
 */
import { isMartialLaw, kyivDate, kyivIso } from '../../shared/calendar';
import { API_INPUTS, isApiMethod, type ApiMethod, type ApiResults } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/errors';
import { parseInput } from '../../shared/schemas';
import { settingsConfirm } from '../../shared/settingsGuards';
import type { Db } from '../db/open';
import { actOnRequest } from '../services/actions';
import { requestVersion } from '../services/requestVersion';
import { attachmentData, removeAttachment } from '../services/attachments';
import { attachmentRef } from '../../shared/attachments';
import { getRequest, listPage, listRequests, todayPanel } from '../services/queries';
import { registerRequest } from '../services/registration';
import { getSettings, readSettings, updateSettings } from '../services/settings';
import { hasAdminPassword, setAdminPassword } from '../services/adminPassword';
import { adminPasswordInput } from '../../shared/adminGuard';
import { makeDocument, printDocument } from '../services/documents';
import type { PrintPort } from '../../shared/documents';
import { getReport } from '../services/reports';
import { openDataStatus, publishOpenData } from '../services/openData';
import { JobRegistry } from '../services/jobs';
import { jobRunner } from '../worker/jobThread';
import { gateOf } from '../worker/writeGate';
import { confineApiPath, exportFolder, readAppFile, uploadFile } from '../services/files';
import { jobRef, jobsQuery } from '../../shared/journalInputs';
import { APP_VERSION } from '../version';
import { resolveConflict } from '../services/conflicts';
import { getServerConfig, memorySecrets, setServerConfig, SyncAgent, testConnection, type SecretStore } from '../sync/agent';
import { deskName } from '../sync/sync';
import { getMeta, SYNC_KEYS } from '../sync/state';
import { serverConfigInput, serverUrl } from '../../shared/sync/status';
import { dueFor } from './due';
import { toErrorData } from './errorData';
// In their own modules so the CLI loads them without every service; re-exported for the rest.
export { dueFor, toErrorData };

/** Without a shell's secret store (tests, CLI), the password lives only in memory. */
function defaultSync(db: Db): { agent: SyncAgent; secrets: SecretStore } {
  const secrets = memorySecrets();
  return { agent: new SyncAgent(db, secrets), secrets };
}

// Making and printing papers is asynchronous; every other method answers at once.
type Handlers = { [M in ApiMethod]: (input: unknown) => ApiResults[M] | Promise<ApiResults[M]> };

/** `print`: the shell's printing (Electron); without it `documents:print` says to print the PDF from the preview. */
/** What only a desktop shell can do: the system's folder dialog (granted folders, issue 8). */
export interface ShellPorts {
  chooseFolder?: () => Promise<string | null>;
}

export function createHandlers(db: Db, print?: PrintPort, sync: { agent: SyncAgent; secrets: SecretStore } = defaultSync(db), shellPorts: ShellPorts = {}): Handlers {
  // Exports and imports run as jobs: the call answers with the job at once, the UI polls it.
  const jobs = new JobRegistry();
  // …in a worker with its own connection; the desk's own writes pass the same write gate, so a
  // registration made during an import waits for its commit instead of failing (worker/writeGate.ts).
  const runJob = jobRunner(db);
  const gate = gateOf(db);
  const { agent, secrets } = sync;
  /** A change recorded here goes to the shared register soon after; the call never waits for it. */
  const recorded = <T>(v: T): T => (agent.nudge(), v);
  return {
    // The desk confirms an incomplete request (acceptMissing) and a far-past receipt date (acceptPastDate); see RegisterOptions.
    // Writes pass the gate: during an import's write phase they wait for it instead of failing on the lock.
    'requests:register': (i) => gate.run(() => recorded(registerRequest(db, i, { confirmIncomplete: true, confirmPast: true }))),
    'requests:get': (i) => getRequest(db, i),
    'requests:list': (i) => listRequests(db, i ?? {}),
    'requests:page': (i) => listPage(db, i ?? {}),
    'requests:act': (i) => gate.run(() => recorded(actOnRequest(db, i))),
    'requests:resolveConflict': (i) => gate.run(() => recorded(resolveConflict(db, i))),
    'requests:today': () => todayPanel(db),
    'deadlines:due': (i) => dueFor(i, getSettings(db).calendar),
    'settings:get': () => getSettings(db),
    // Saved together with its consequences (deadlines, the journal's label) in one transaction.
    // `confirm` is not a part of the settings: the person's word for a statutory term or a mid-year index format.
    'settings:update': (i) => {
      const { confirm, ...patch } = i as { confirm?: unknown };
      return gate.run(() => updateSettings(db, patch, parseInput(settingsConfirm, confirm ?? {})));
    },
    'settings:dropped': () => readSettings(db).dropped,
    'admin:status': () => ({ passwordSet: hasAdminPassword(db) }),
    'admin:setPassword': (i) => {
      const p = parseInput(adminPasswordInput, i);
      return gate.run(() => (setAdminPassword(db, p.password, p.current), { passwordSet: true as const }));
    },
    'app:info': () => {
      const now = db.now();
      return {
        version: APP_VERSION,
        dbPath: db.path,
        deskId: db.deskId,
        // A desk synced without --desk is named by its id: the clerk sees its desk code instead.
        deskName: [getMeta(db, SYNC_KEYS.deskName)].find((n) => n && n !== db.deskId) ?? `№ ${getSettings(db).index.deskCode}`,
        user: db.user,
        today: kyivDate(now),
        now: kyivIso(now),
        martialLaw: isMartialLaw(kyivDate(now), getSettings(db).calendar),
      };
    },
    'documents:make': async (i) => {
      const d = i as { out?: string; onto?: string };
      if (d.out) confineApiPath(db, d.out, 'write');
      if (d.onto) confineApiPath(db, d.onto, 'read');
      const { bytes, ...made } = await makeDocument(db, i);
      return { ...made, pdfBase64: Buffer.from(bytes).toString('base64') };
    },
    'documents:printers': async () => (print ? print.printers() : []),
    // Only files the app produced (previews, exports in its folders) are sent to a printer.
    'documents:print': (i) => {
      confineApiPath(db, (i as { path: string }).path, 'read');
      return printDocument(db, print, i);
    },
    'journal:export': (i) => {
      confineApiPath(db, (i as { out: string }).out, 'write');
      return jobs.start('journal:export', (ctl) => runJob('journal:export', i, ctl));
    },
    'reports:get': (i) => getReport(db, i),
    'reports:export': (i) => {
      confineApiPath(db, (i as { out: string }).out, 'write');
      return jobs.start('reports:export', (ctl) => runJob('reports:export', i, ctl));
    },
    'opendata:status': () => openDataStatus(db),
    'opendata:publish': (i) => {
      // The settings' folder too: a setting alone must not open the disk to the API.
      const out = (i as { out?: string } | undefined)?.out || getSettings(db).openData.folder;
      if (out) confineApiPath(db, out, 'write');
      return publishOpenData(db, i ?? {});
    },
    'import:preview': (i) => {
      confineApiPath(db, (i as { file: string }).file, 'read');
      return jobs.start('import:preview', (ctl) => runJob('import:preview', i, ctl));
    },
    'import:run': (i) => {
      confineApiPath(db, (i as { file: string }).file, 'read');
      return jobs.start('import:run', (ctl) => runJob('import:run', i, ctl));
    },
    'jobs:status': (i) => jobs.status(parseInput(jobsQuery, i)?.id),
    'jobs:cancel': (i) => jobs.cancel(parseInput(jobRef, i).id),
    'files:read': (i) => readAppFile(db, i),
    'files:upload': (i) => uploadFile(i),
    'files:exportFolder': () => exportFolder(db),
    'files:chooseFolder': async () => {
      if (!shellPorts.chooseFolder) throw new AppError('not_allowed', "Папку обирають у програмі на комп'ютері; у браузері файли зберігаються в папці реєстру.");
      return { folder: await shellPorts.chooseFolder() };
    },
    // With a server configured, its anchors too; a server out of reach is a warning (sync/verifyServer.ts).
    'register:verify': () => jobs.start('register:verify', (ctl) => runJob('register:verify', { server: agent.url() }, ctl)),
    'sync:status': () => agent.status(),
    'sync:now': () => agent.syncNow(),
    'sync:getServer': () => ({ config: getServerConfig(db), hasPassword: !!secrets.get() }),
    'sync:setServer': async (i) => {
      const { config, password } = parseInput(serverConfigInput, i);
      deskName(db, config.desk); // a register's desk name is fixed at its first sync
      setServerConfig(db, config);
      if (password) secrets.set(password);
      await agent.restart();
      return agent.status();
    },
    'requests:version': (i) => requestVersion(db, i),
    'attachments:get': (i) => {
      const { info, data } = attachmentData(db, parseInput(attachmentRef, i).id);
      return { name: info.name, mime: info.mime, base64: data.toString('base64') };
    },
    'attachments:remove': (i) => gate.run(() => recorded(removeAttachment(db, i))),
    'sync:test': (i) => {
      const { config, password } = parseInput(serverConfigInput, i);
      return testConnection(serverUrl(config, password || secrets.get()));
    },
  };
}

/**
 * Runs one call and turns every failure into a Result, so no exception crosses the boundary.
 * Synchronous methods answer synchronously; an asynchronous one (documents) gives a promise of the Result.
 */
export function dispatch(handlers: Handlers, method: unknown, input: unknown): Result<unknown> | Promise<Result<unknown>> {
  try {
    if (!isApiMethod(method)) throw new AppError('invalid_input', `Невідомий метод API: ${String(method).slice(0, 60)}`);
    // Validate at the boundary even though services parse again: a bad call must never reach SQL.
    parseInput(API_INPUTS[method], input);
    const value = handlers[method](input);
    if (value instanceof Promise) return value.then((v) => ({ ok: true as const, value: v }), (e: unknown) => ({ ok: false as const, error: toErrorData(e) }));
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
}
