/**
 * Binds every method of the API contract to its service. Both shells (Electron IPC and the
 * web shell) dispatch through here, so they can never offer different APIs.
 */
import { answerDeadline } from '../../shared/deadlines';
import { defaultCalendarSettings, isMartialLaw, kyivDate } from '../../shared/calendar';
import { API_INPUTS, isApiMethod, type ApiMethod, type ApiResults } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/errors';
import { dueQuery, parseInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { actOnRequest } from '../services/actions';
import { getRequest, listRequests, recomputeAll, todayPanel } from '../services/queries';
import { registerRequest } from '../services/registration';
import { getSettings, updateSettings } from '../services/settings';
import type { Settings } from '../../shared/settings';
import { makeDocument, printDocument } from '../services/documents';
import type { PrintPort } from '../../shared/documents';
import { exportJournal } from '../services/journal';
import { exportReport, getReport } from '../services/reports';
import { openDataStatus, publishOpenData } from '../services/openData';
import { previewImport, runImport } from '../services/import';
import { JobRegistry } from '../services/jobs';
import { exportFolder, readAppFile, uploadFile } from '../services/files';
import { jobRef, jobsQuery } from '../../shared/journalInputs';
import { APP_VERSION } from '../version';
import { resolveConflict } from '../services/conflicts';
import { getServerConfig, memorySecrets, setServerConfig, SyncAgent, testConnection, type SecretStore } from '../sync/agent';
import { deskName } from '../sync/sync';
import { getMeta, SYNC_KEYS } from '../sync/state';
import { serverConfigInput, serverUrl } from '../../shared/sync/status';

/** Without a shell's secret store (tests, CLI), the password lives only in memory. */
function defaultSync(db: Db): { agent: SyncAgent; secrets: SecretStore } {
  const secrets = memorySecrets();
  return { agent: new SyncAgent(db, secrets), secrets };
}

// Making and printing papers is asynchronous; every other method answers at once.
type Handlers = { [M in ApiMethod]: (input: unknown) => ApiResults[M] | Promise<ApiResults[M]> };

export function dueFor(raw: unknown, base = defaultCalendarSettings()): { dueDate: string; dueAt?: string } {
  const q = parseInput(dueQuery, raw);
  const cal = { ...base, mode: q.calendar };
  return answerDeadline({ receivedAt: q.receivedAt, urgent: q.urgent, extended: q.extended }, cal);
}

/** `print`: the shell's printing (Electron); without it `documents:print` says to print the PDF from the preview. */
export function createHandlers(db: Db, print?: PrintPort, sync: { agent: SyncAgent; secrets: SecretStore } = defaultSync(db)): Handlers {
  // Exports and imports run as jobs: the call answers with the job at once, the UI polls it.
  const jobs = new JobRegistry();
  const { agent, secrets } = sync;
  /** A change recorded here goes to the shared register soon after; the call never waits for it. */
  const recorded = <T>(v: T): T => (agent.nudge(), v);
  return {
    // The desk confirms an incomplete request explicitly (acceptMissing); see RegisterOptions.
    'requests:register': (i) => recorded(registerRequest(db, i, { confirmIncomplete: true })),
    'requests:get': (i) => getRequest(db, i),
    'requests:list': (i) => listRequests(db, i ?? {}),
    'requests:act': (i) => recorded(actOnRequest(db, i)),
    'requests:resolveConflict': (i) => recorded(resolveConflict(db, i)),
    'requests:today': () => todayPanel(db),
    'deadlines:due': (i) => dueFor(i, getSettings(db).calendar),
    'settings:get': () => getSettings(db),
    'settings:update': (i) => {
      const terms = (x: Settings) => JSON.stringify([x.calendar, x.rules]);
      const before = terms(getSettings(db));
      const s = updateSettings(db, i);
      // A calendar or terms change moves the deadlines of every open request.
      if (terms(s) !== before) recomputeAll(db);
      return s;
    },
    'app:info': () => {
      const now = db.now();
      return {
        version: APP_VERSION,
        dbPath: db.path,
        deskId: db.deskId,
        deskName: getMeta(db, SYNC_KEYS.deskName) ?? `№ ${getSettings(db).index.deskCode}`,
        user: db.user,
        today: kyivDate(now),
        martialLaw: isMartialLaw(kyivDate(now), getSettings(db).calendar),
      };
    },
    'documents:make': async (i) => {
      const { bytes, ...made } = await makeDocument(db, i);
      return { ...made, pdfBase64: Buffer.from(bytes).toString('base64') };
    },
    'documents:printers': async () => (print ? print.printers() : []),
    'documents:print': (i) => printDocument(db, print, i),
    'journal:export': (i) => jobs.start('journal:export', (ctl) => exportJournal(db, i, ctl)),
    'reports:get': (i) => getReport(db, i),
    'reports:export': (i) => jobs.start('reports:export', (ctl) => exportReport(db, i, ctl)),
    'opendata:status': () => openDataStatus(db),
    'opendata:publish': (i) => publishOpenData(db, i ?? {}),
    'import:preview': (i) => jobs.start('import:preview', (ctl) => previewImport(db, i, ctl)),
    'import:run': (i) => jobs.start('import:run', (ctl) => runImport(db, i, ctl)),
    'jobs:status': (i) => jobs.status(parseInput(jobsQuery, i)?.id),
    'jobs:cancel': (i) => jobs.cancel(parseInput(jobRef, i).id),
    'files:read': (i) => readAppFile(db, i),
    'files:upload': (i) => uploadFile(i),
    'files:exportFolder': () => exportFolder(db),
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

export function toErrorData(e: unknown): { kind: AppError['kind']; message: string } {
  if (e instanceof AppError) return e.toData();
  if (e instanceof Error && /SQLITE_BUSY|database is locked/.test(e.message))
    return { kind: 'io', message: 'Реєстр зайнятий іншим процесом. Спробуйте ще раз за кілька секунд.' };
  if (e instanceof Error && /SQLITE_FULL|ENOSPC/.test(e.message)) return { kind: 'io', message: 'Недостатньо місця на диску. Звільніть місце і повторіть.' };
  return { kind: 'internal', message: `Внутрішня помилка: ${e instanceof Error ? e.message : String(e)}` };
}
