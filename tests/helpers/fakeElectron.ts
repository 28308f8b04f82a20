/**
 * A stand-in `electron` module for running the real built Electron main under plain Node
 * (the Electron binary cannot be downloaded on our machines). It records what the shell asks of it.
 * Use: `vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule())`,
 * then `startShell()`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import { tempDir } from './tempDb';

export interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loaded: string | null;
  focused: boolean;
}

export interface ShellRecord {
  userData: string;
  appPath: string;
  singleInstance: boolean;
  windows: FakeWindow[];
  ipc: Map<string, (...args: unknown[]) => unknown>;
  appEvents: Map<string, (...args: unknown[]) => unknown>;
  errorBoxes: { title: string; message: string }[];
  exitCode: number | null;
  quits: number;
  ready: Promise<void> | null;
  /** What the folder dialog answers (default: cancelled); each dialog shown is recorded. */
  openDialog?: { canceled: boolean; filePaths: string[] };
  dialogsShown?: unknown[];
}

// On globalThis: `vi.resetModules()` makes a fresh copy of this module, the mock keeps the first.
const g = globalThis as { __fakeElectronShell?: ShellRecord };
export const shell: ShellRecord = (g.__fakeElectronShell ??= {} as ShellRecord);

export function resetShell(): void {
  Object.assign(shell, {
    userData: tempDir('rd-shell-'),
    appPath: tempDir('rd-app-'),
    singleInstance: true,
    windows: [],
    ipc: new Map(),
    appEvents: new Map(),
    errorBoxes: [],
    exitCode: null,
    quits: 0,
    ready: null,
    openDialog: { canceled: true, filePaths: [] },
    dialogsShown: [],
  } satisfies ShellRecord);
}

export function electronModule() {
  class BrowserWindow implements FakeWindow {
    loaded: string | null = null;
    focused = false;
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined, getPrintersAsync: () => Promise.resolve([]) };
    constructor(readonly options: FakeWindow['options']) {
      shell.windows.push(this);
    }
    static getAllWindows = () => shell.windows;
    loadFile(file: string) {
      this.loaded = file;
      return Promise.resolve();
    }
    on() {
      return this;
    }
    isMinimized = () => false;
    restore = () => undefined;
    focus() {
      this.focused = true;
    }
  }
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => shell.singleInstance,
    enableSandbox: () => undefined,
    whenReady: () => (shell.ready = Promise.resolve()),
    on: (event: string, fn: (...args: unknown[]) => unknown) => shell.appEvents.set(event, fn),
    getPath: () => shell.userData,
    getAppPath: () => shell.appPath,
    quit: () => void shell.quits++,
    exit: (code: number) => void (shell.exitCode = code),
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => shell.errorBoxes.push({ title, message }),
      showOpenDialog: (...args: unknown[]) => (shell.dialogsShown?.push(args.at(-1)), Promise.resolve(shell.openDialog ?? { canceled: true, filePaths: [] })),
    },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => shell.ipc.set(channel, fn) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined }, setPermissionRequestHandler: () => undefined } },
    shell: { openExternal: () => Promise.resolve() },
    // No keyring under the stand-in: the server password is then asked for again, never stored in clear.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
}

export const projectRoot = resolve(__dirname, '..', '..');
export const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { main: string };
/** What `electron .` loads: the file package.json's `main` names (written by `npm run build`). */
export const mainModule = join(projectRoot, packageJson.main);

/** Imports the built main afresh and lets its `whenReady` handler run. */
export async function startShell(): Promise<void> {
  vi.resetModules();
  await import(mainModule);
  await shell.ready;
  await new Promise((r) => setImmediate(r));
}

/** Closes the register the shell opened, as closing the last window does. */
export async function closeShell(): Promise<void> {
  await shell.appEvents.get('window-all-closed')?.();
}
