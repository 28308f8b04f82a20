/**
 * The one API contract between the UI and the services. Main registers a handler for every
 * method here; the renderer calls them through whichever transport it was started with
 * (Electron IPC or HTTP on 127.0.0.1). Inputs are validated by these schemas in main.
 */
import { z } from 'zod';
import type { RequestSummary, RequestView } from '../domain';
import type { AppErrorData, Result } from '../errors';
import { actInput, dueQuery, listQuery, registerInput, requestRef } from '../schemas';
import type { Settings } from '../settings';

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
  overdue: RequestSummary[];
  dueToday: RequestSummary[];
  dueSoon: RequestSummary[];
}

export interface AppInfo {
  version: string;
  dbPath: string;
  deskId: string;
  user: string;
  today: string;
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
  /** A lifecycle action (assign, extend, answer, refuse, …). */
  'requests:act': actInput,
  /** Overdue, due today, due within 2 working days. */
  'requests:today': none,
  /** The legal term for a receipt moment (no register needed). */
  'deadlines:due': dueQuery,
  'settings:get': none,
  /** Partial update of the settings; each part is merged and the whole validated. */
  'settings:update': z.record(z.string(), z.unknown()),
  'app:info': none,
} as const;

export interface ApiResults {
  'requests:register': RegisterResult;
  'requests:get': RequestView;
  'requests:list': RequestSummary[];
  'requests:act': RequestView;
  'requests:today': TodayPanel;
  'deadlines:due': { dueDate: string; dueAt?: string };
  'settings:get': Settings;
  'settings:update': Settings;
  'app:info': AppInfo;
}

export type ApiMethod = keyof typeof API_INPUTS & keyof ApiResults;
export type ApiInput<M extends ApiMethod> = z.input<(typeof API_INPUTS)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

export const API_METHODS = Object.keys(API_INPUTS) as ApiMethod[];
export const isApiMethod = (m: unknown): m is ApiMethod => typeof m === 'string' && (API_METHODS as string[]).includes(m);

/** What both transports expose to the renderer. */
export type ApiCall = <M extends ApiMethod>(method: M, input?: ApiInput<M>) => Promise<Result<ApiResult<M>>>;

export type { AppErrorData, Result };
