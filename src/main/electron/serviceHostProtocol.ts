/**
 * What Electron's main process and the service host (serviceHost.ts, a `utilityProcess` that owns
 * the register's connection) say to each other. Plain data only: it crosses a process boundary by
 * structured clone. No Electron import, so both sides and the tests share it.
 */
import type { AppErrorData, Result } from '../../shared/errors';

/** The first message to the host: everything it needs to open the register as main would have. */
export interface HostStart {
  type: 'start';
  dbPath: string;
  /** The chain key as hex, unsealed by main from the OS keychain; null for a register that has none yet. */
  key: string | null;
  /** Where main keeps the key, for messages. */
  keyWhere: string;
  /** The Electron-ABI addon when running from the sources (`.native/`), else the one in node_modules. */
  nativeBinding: string | undefined;
  /** The list of folders the person granted (grantedFolders.ts), restored at start. */
  grantsFile: string;
  /** The server password main unsealed (safeStorage), or null. */
  password: string | null;
  /** Whether main can seal a new password (the OS offers a keychain). */
  passwordStorable: boolean;
}

/** What only main can do, asked by the host; main answers with a `reply`. */
export type HostAsk =
  | { what: 'printers' }
  | { what: 'print'; path: string; printer: string }
  | { what: 'chooseFolder' }
  /** A new register's chain key, to be sealed in the keychain before anything is sealed with it. */
  | { what: 'saveKey'; key: string }
  | { what: 'setPassword'; password: string | null };

export type ToHost =
  | HostStart
  | { type: 'call'; id: number; method: unknown; input: unknown }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: AppErrorData }
  | { type: 'stop' };

export type FromHost =
  | { type: 'ready' }
  /** The register could not be opened: the words main shows (openFailure.ts), made where the error is. */
  | { type: 'openFailed'; title: string; message: string }
  | { type: 'answer'; id: number; result: Result<unknown> }
  | { type: 'ask'; id: number; ask: HostAsk }
  | { type: 'stopped' };

/** The host's bundle, beside the CLI's and the job worker's in dist/ (scripts/build-main.mjs). */
export const HOST_FILE = 'serviceHost.mjs';
export const HOST_SERVICE_NAME = 'Registry Desk — служба реєстру';
