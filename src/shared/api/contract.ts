/**
 * The one API contract between the UI and the services. Main registers a handler for every
 * method here; the renderer calls them through whichever transport it was started with
 * (Electron IPC or HTTP on 127.0.0.1). Inputs are validated by these schemas in main.
 */
import { z } from 'zod';
import type { RequestSummary, RequestView } from '../domain';
import type { AppErrorData, Result } from '../errors';
import { actInput, dueQuery, listQuery, registerInput, requestRef, resolveInput } from '../schemas';
import { serverConfigInput, type ServerConfig, type SyncStatus } from '../sync/status';
import type { DroppedSetting, Settings } from '../settings';
import type { JobInfo } from '../jobs';
import { importInput, journalExportInput, jobRef, jobsQuery, openDataPublishInput, reportExportInput, reportQuery } from '../journalInputs';
import type { OpenDataStatus, PublishResult } from '../openDataStatus';
import type { Statistics } from '../statistics';
import { documentInput, printInput, type DocumentResult, type PrinterInfo } from '../documents';
import { fileReadInput, fileUploadInput, type FileContent } from '../files';
import { attachmentRef, removeAttachmentInput } from '../attachments';
import { listPageQuery, type RequestPage } from '../requestPage';
import { adminPasswordInput } from '../adminGuard';

export interface RegisterResult {
  id: string;
  index: string;
  receivedAt: string;
  dueDate: string;
  dueAt?: string;
  status: string;
  complete: boolean;
  missing: string[];
}

export interface TodayPanel {
  today: string;
  /** Each group carries at most its first rows (in the order of their terms); `totals` counts them all. */
  overdue: RequestSummary[];
  dueToday: RequestSummary[];
  dueSoon: RequestSummary[];
  totals: { overdue: number; dueToday: number; dueSoon: number };
}

export interface AppInfo {
  version: string;
  dbPath: string;
  deskId: string;
  /** What the clerk calls this desk: its name in the shared register, or «№ <desk code>» before the first sync. */
  deskName: string;
  user: string;
  today: string;
  /**
   * The register's clock now (ISO instant). The form's «зараз» follows it: it is the machine's own
   * except when frozen for a demo or a test (`--now`, REGISTRY_DESK_NOW).
   */
  now: string;
  martialLaw: boolean;
}

const none = z.object({}).strict().optional();

export const API_INPUTS = {
  /** Register an incoming request; takes the next incoming number. */
  'requests:register': registerInput,
  /** One request with its state, deadlines and events. */
  'requests:get': requestRef,
  /** Requests with filters (month, status, overdue) and full-text search. */
  'requests:list': listQuery,
  /** One page of the journal (same filters, plus `after`: the previous page's `next`) and the total count. */
  'requests:page': listPageQuery,
  /** A lifecycle action (assign, extend, answer, refuse, …). */
  'requests:act': actInput,
  /** Overdue, due today, due within 2 working days. */
  'requests:today': none,
  /** The legal term for a receipt moment (no register needed). */
  'deadlines:due': dueQuery,
  'settings:get': none,
  /**
   * Partial update of the settings; each part is merged and the whole validated. A top-level `confirm`
   * (`settingsConfirm`) carries the person's word for a statutory term or a mid-year index format;
   * without it such a change is refused with the field `confirm.statutoryTerms` / `confirm.templateMidYear`.
   */
  'settings:update': z.record(z.string(), z.unknown()),
  /** Parts of the stored settings that could not be kept (each fell back to its default), and why. */
  'settings:dropped': none,
  /** Whether the administrator's password (terms and calendar) has been set. */
  'admin:status': none,
  /** Sets the administrator's password once; changing it needs the current one. */
  'admin:setPassword': adminPasswordInput,
  'app:info': none,
  /** Starts writing the registration journal (month or period) as PDF, XLSX or CSV; follow it with `jobs:status`. */
  'journal:export': journalExportInput,
  /** Statistics of a period (by channel, requester, result, month) for the report screen and its charts. */
  'reports:get': reportQuery,
  /** Starts writing the statistics report as PDF or XLSX; a job. */
  'reports:export': reportExportInput,
  /** Whether the published open-data set went stale and by when to refresh it (3 working days). */
  'opendata:status': none,
  /** Writes the open-data set (CSV, JSON, passport) into the given or the configured folder. */
  'opendata:publish': openDataPublishInput,
  /** Starts a dry run of an import: what would be imported, every refused row with its reason; a job. */
  'import:preview': importInput,
  /** Starts the import itself (one transaction); a job whose result is the import report. */
  'import:run': importInput,
  /** One job by id, or all recent ones. */
  'jobs:status': jobsQuery,
  /** Cancels a running job: nothing half-written, nothing half-imported. */
  'jobs:cancel': jobRef,
  /** Makes a paper (stamp, receipt, form, letter) as a PDF file; the bytes come back for the preview. */
  'documents:make': documentInput,
  /** The printers the clerk can choose from (Electron only). */
  'documents:printers': none,
  /** Prints a made PDF; the printer chosen is remembered for its kind (stamp sheet → the tray printer). */
  'documents:print': printInput,
  /** A file the app wrote (export folder, its own temporary files), for a download; any other path is refused. */
  'files:read': fileReadInput,
  /** A file the clerk chose (a scan, an old journal) written to a fresh temporary folder: the browser has bytes, the services need a path. */
  'files:upload': fileUploadInput,
  /** The folder journals and reports are proposed into (settings `exports.folder`, else «Експорт» beside the register), created. */
  'files:exportFolder': none,
  /** The system's folder dialog (app only): the folder the person picks becomes one the app may use; null when cancelled. */
  'files:chooseFolder': none,
  /** The sync indicator: online/offline, events waiting, last sync, an error with what to do. */
  'sync:status': none,
  /** Sync now (the button beside the indicator). */
  'sync:now': none,
  /** The shared register's connection (never the password; only whether one is kept). */
  'sync:getServer': none,
  /** Saves the connection; the password, when given, goes to the shell's secret store, never into settings. */
  'sync:setServer': serverConfigInput,
  /** «Перевірити з'єднання»: tries the connection without saving it (the kept password if none is typed). */
  'sync:test': serverConfigInput,
  /** «Перевірити реєстр»: a job (its result an AppVerifyReport) — the file's checks, and the server's anchors when a server is configured (out of reach: a warning). */
  'register:verify': none,
  /** Keeps one of the final actions desks recorded while apart; the choice is an event. */
  'requests:resolveConflict': resolveInput,
  /**
   * A cheap token of the request's history (how many events, the last one's position): the card polls
   * it and reloads only when another window or desk (via sync) changed the request.
   */
  'requests:version': requestRef,
  /** A kept scan's bytes, to open or print it from the card. */
  'attachments:get': attachmentRef,
  /** Takes a scan off its request with a reason: an event that syncs; the bytes stay in the register. */
  'attachments:remove': removeAttachmentInput,
} as const;

export interface ApiResults {
  'requests:register': RegisterResult;
  'requests:get': RequestView;
  'requests:list': RequestSummary[];
  'requests:page': RequestPage;
  'requests:act': RequestView;
  'requests:today': TodayPanel;
  'deadlines:due': { dueDate: string; dueAt?: string };
  'settings:get': Settings;
  'settings:update': Settings;
  'admin:status': { passwordSet: boolean };
  'admin:setPassword': { passwordSet: true };
  'settings:dropped': DroppedSetting[];
  'app:info': AppInfo;
  'journal:export': JobInfo;
  'reports:get': Statistics;
  'reports:export': JobInfo;
  'opendata:status': OpenDataStatus;
  'opendata:publish': PublishResult;
  'import:preview': JobInfo;
  'import:run': JobInfo;
  'jobs:status': JobInfo[];
  'jobs:cancel': JobInfo;
  'documents:make': DocumentResult & { pdfBase64: string };
  'documents:printers': PrinterInfo[];
  'documents:print': { printer: string };
  'files:read': FileContent;
  'files:upload': { path: string };
  'files:exportFolder': { folder: string };
  'files:chooseFolder': { folder: string | null };
  'sync:status': SyncStatus;
  'sync:now': SyncStatus;
  'sync:getServer': { config: ServerConfig | null; hasPassword: boolean };
  'sync:setServer': SyncStatus;
  'sync:test': { ok: boolean; message: string };
  'register:verify': JobInfo;
  'requests:resolveConflict': RequestView;
  'requests:version': { version: string };
  'attachments:get': FileContent;
  'attachments:remove': RequestView;
}

export type ApiMethod = keyof typeof API_INPUTS & keyof ApiResults;
export type ApiInput<M extends ApiMethod> = z.input<(typeof API_INPUTS)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

export const API_METHODS = Object.keys(API_INPUTS) as ApiMethod[];
export const isApiMethod = (m: unknown): m is ApiMethod => typeof m === 'string' && (API_METHODS as string[]).includes(m);

/** What both transports expose to the renderer. */
export type ApiCall = <M extends ApiMethod>(method: M, input?: ApiInput<M>) => Promise<Result<ApiResult<M>>>;

export type { AppErrorData, Result };
