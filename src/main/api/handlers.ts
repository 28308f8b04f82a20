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
import { getRequest, listRequests, todayPanel } from '../services/queries';
import { registerRequest } from '../services/registration';
import { getSettings, readSettings, updateSettings } from '../services/settings';
import { makeDocument, printDocument } from '../services/documents';
import type { PrintPort } from '../../shared/documents';
import { exportJournal } from '../services/journal';
import { exportReport, getReport } from '../services/reports';
import { openDataStatus, publishOpenData } from '../services/openData';
import { previewImport, runImport } from '../services/import';
import { JobRegistry } from '../services/jobs';
import { confineApiPath, exportFolder, readAppFile, uploadFile } from '../services/files';
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
/** What only a desktop shell can do: the system's folder dialog (granted folders, issue 8). */
export interface ShellPorts {
  chooseFolder?: () => Promise<string | null>;
}

export function createHandlers(db: Db, print?: PrintPort, sync: { agent: SyncAgent; secrets: SecretStore } = defaultSync(db), shellPorts: ShellPorts = {}): Handlers {
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
    // Saved together with its consequences (deadlines, the journal's label) in one transaction.
    'settings:update': (i) => updateSettings(db, i),
    'settings:dropped': () => readSettings(db).dropped,
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
      return jobs.start('journal:export', (ctl) => exportJournal(db, i, ctl));
    },
    'reports:get': (i) => getReport(db, i),
    'reports:export': (i) => {
      confineApiPath(db, (i as { out: string }).out, 'write');
      return jobs.start('reports:export', (ctl) => exportReport(db, i, ctl));
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
      return jobs.start('import:preview', (ctl) => previewImport(db, i, ctl));
    },
    'import:run': (i) => {
      confineApiPath(db, (i as { file: string }).file, 'read');
      return jobs.start('import:run', (ctl) => runImport(db, i, ctl));
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

/** Failures of the file system and SQLite, told by their code (messages differ between versions and locales). */
const BY_CODE: Record<string, { kind: AppError['kind']; message: string }> = {
  SQLITE_BUSY: { kind: 'io', message: 'Реєстр зайнятий іншим процесом. Спробуйте ще раз за кілька секунд; нічого не змінено.' },
  SQLITE_LOCKED: { kind: 'io', message: 'Реєстр зайнятий іншим процесом. Спробуйте ще раз за кілька секунд; нічого не змінено.' },
  SQLITE_FULL: { kind: 'io', message: 'Диск заповнено: зміну не збережено. Звільніть місце на диску і повторіть.' },
  ENOSPC: { kind: 'io', message: 'Диск заповнено: файл не записано. Звільніть місце на диску і повторіть.' },
  SQLITE_READONLY: { kind: 'io', message: 'Реєстр відкрито лише для читання (немає прав на запис у файл чи папку); зміну не збережено.' },
  SQLITE_CORRUPT: { kind: 'io', message: 'Файл реєстру пошкоджено. Запустіть перевірку (verify) і відновіть реєстр з резервної копії.' },
  SQLITE_NOTADB: { kind: 'io', message: 'Файл не є базою SQLite реєстру.' },
  SQLITE_IOERR: { kind: 'io', message: 'Помилка читання чи запису диска; зміну не збережено.' },
  EACCES: { kind: 'io', message: 'Немає прав на доступ до файлу.' },
  EPERM: { kind: 'io', message: 'Немає прав на доступ до файлу.' },
};

export function toErrorData(e: unknown): { kind: AppError['kind']; message: string } {
  if (e instanceof AppError) return e.toData();
  const code = String((e as { code?: unknown })?.code ?? '');
  // SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT…: the extended code starts with the primary one.
  const known = BY_CODE[code] ?? BY_CODE[code.replace(/^(SQLITE_[A-Z]+?)_.*$/, '$1')];
  if (known) return { ...known };
  return { kind: 'internal', message: `Внутрішня помилка: ${e instanceof Error ? e.message : String(e)}` };
}
