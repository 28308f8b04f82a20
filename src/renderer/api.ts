/**
 * The renderer's only door to the register. The transport is chosen once at start-up:
 * Electron's preload exposes `window.registry` (IPC); the web shell answers `POST /api/<method>`.
 * Either way the caller gets a Result and never an exception, so every screen handles failure
 * the same way: by showing `error.message` (Ukrainian) to the clerk.
 */
import type { RegistryBridge } from '../shared/api/bridge';
import type { ApiCall, ApiInput, ApiMethod, ApiResult, Result } from '../shared/api/contract';

declare global {
  interface Window {
    registry?: RegistryBridge;
  }
}

const NO_LINK = 'Немає зв’язку з реєстром. Перевірте, чи працює програма, і повторіть дію.';

const failure = (kind: 'io' | 'internal', message: string) => ({ ok: false as const, error: { kind, message } });

function viaIpc(bridge: RegistryBridge): ApiCall {
  return async (method, input) => {
    try {
      return await bridge.call(method, input);
    } catch {
      return failure('io', NO_LINK);
    }
  };
}

function viaHttp(): ApiCall {
  async function call(method: ApiMethod, input?: unknown): Promise<Result<unknown>> {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      });
    } catch {
      return failure('io', NO_LINK);
    }
    try {
      const body: unknown = await res.json();
      if (typeof body === 'object' && body !== null && 'ok' in body) return body as Result<unknown>;
    } catch {
      /* fall through: not a Result */
    }
    return failure('internal', `Реєстр відповів не так, як очікувалось (HTTP ${res.status}).`);
  }
  return call as ApiCall;
}

const transport: ApiCall = typeof window !== 'undefined' && window.registry ? viaIpc(window.registry) : viaHttp();

export const api = {
  call: transport,
  /** Which transport is in use, for the footer: a clerk's bug report should say it. */
  transport: typeof window !== 'undefined' && window.registry ? ('ipc' as const) : ('http' as const),
};

export type { ApiInput, ApiMethod, ApiResult };
