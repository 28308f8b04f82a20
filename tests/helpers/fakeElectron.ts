/**
 * A stand-in `electron` module for running the real built Electron main under plain Node
 * (the Electron binary cannot be downloaded on our machines). It records what the shell asks of it.
 * Use: `vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule())`,
 * then `startShell()`.
 */
import { fork as forkChild, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  /** Each utility process started: what was asked, and the real child running it. */
  utilityProcesses?: { modulePath: string; options: Record<string, unknown>; child: ChildProcess }[];
  /** Message boxes shown, and the button each answers (default: the first). */
  messageBoxes?: { title?: string; message: string; detail?: string; buttons?: string[] }[];
  messageBoxResponse?: number;
  /** Whether the stand-in safeStorage offers a keychain (default: none). */
  keychain?: boolean;
  /** Chromium switches the shell set (app.commandLine.appendSwitch), and whether before ready. */
  switches?: { name: string; value?: string; beforeReady: boolean }[];
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
    utilityProcesses: [],
    messageBoxes: [],
    messageBoxResponse: 0,
    keychain: false,
    switches: [],
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
    commandLine: { appendSwitch: (name: string, value?: string) => void shell.switches?.push({ name, value, beforeReady: shell.ready === null }) },
    whenReady: () => (shell.ready = Promise.resolve()),
    on: (event: string, fn: (...args: unknown[]) => unknown) => shell.appEvents.set(event, fn),
    getPath: () => shell.userData,
    getAppPath: () => shell.appPath,
    quit: () => void shell.quits++,
    exit: (code: number) => void (shell.exitCode = code),
  };
  /**
   * Electron's utilityProcess.fork on top of child_process.fork: the child is a real Node process
   * running the module, with `process.parentPort` given by a preload (parentPortShim.mjs); messages go
   * by structured clone ('advanced' serialization), as Electron's do.
   */
  const utilityProcess = {
    fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) {
      const child = forkChild(modulePath, args, {
        execArgv: ['--import', pathToFileURL(join(__dirname, 'parentPortShim.mjs')).href],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: (options.env as NodeJS.ProcessEnv) ?? process.env,
      });
      shell.utilityProcesses?.push({ modulePath, options, child });
      const proc = Object.assign(new EventEmitter(), {
        get pid() {
          return child.pid;
        },
        postMessage: (message: unknown) => void (child.connected && child.send(message as never)),
        kill: () => child.kill(),
      });
      child.on('spawn', () => proc.emit('spawn'));
      child.on('message', (m) => proc.emit('message', m));
      // Electron gives the exit code; a process killed by a signal has none, so it is reported as non-zero.
      child.on('exit', (code, signal) => proc.emit('exit', code ?? (signal ? 1 : 0)));
      return proc;
    },
  };
  return {
    app,
    BrowserWindow,
    utilityProcess,
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        shell.messageBoxes?.push(args.at(-1) as { message: string });
        return Promise.resolve({ response: shell.messageBoxResponse ?? 0, checkboxChecked: false });
      },
      showErrorBox: (title: string, message: string) => shell.errorBoxes.push({ title, message }),
      showOpenDialog: (...args: unknown[]) => (shell.dialogsShown?.push(args.at(-1)), Promise.resolve(shell.openDialog ?? { canceled: true, filePaths: [] })),
    },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => shell.ipc.set(channel, fn) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined }, setPermissionRequestHandler: () => undefined } },
    shell: { openExternal: () => Promise.resolve() },
    // No keyring under the stand-in unless a test gives one (shell.keychain): the server password is then
    // asked for again, never stored in clear. The stand-in's "sealing" only marks and encodes the text.
    safeStorage: {
      isEncryptionAvailable: () => shell.keychain === true,
      encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`),
      decryptString: (b: Buffer) => {
        const t = b.toString();
        if (!t.startsWith('sealed:')) throw new Error('not sealed by this keychain');
        return Buffer.from(t.slice('sealed:'.length), 'base64').toString();
      },
    },
  };
}

export const projectRoot = resolve(__dirname, '..', '..');
export const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { main: string };
/** What `electron .` loads: the file package.json's `main` names (written by `npm run build`). */
export const mainModule = join(projectRoot, packageJson.main);

/** Waits until `done` holds, checking between turns of the event loop (never a fixed wait). */
export async function until(done: () => boolean, what: string, turns = 600_000): Promise<void> {
  for (let i = 0; !done(); i++) {
    if (i > turns) throw new Error(`never ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Imports the built main afresh and lets its `whenReady` handler run to its end: the service host
 * has opened the register and the window is there, or the person was told why not.
 */
export async function startShell(): Promise<void> {
  vi.resetModules();
  // A restart without resetShell() keeps the first start's window in the record: wait for a new one.
  const [windows, errors] = [shell.windows.length, shell.errorBoxes.length];
  await import(mainModule);
  await shell.ready;
  if (shell.ready) await until(() => shell.windows.length > windows || shell.errorBoxes.length > errors, 'the window or an error box');
  await new Promise((r) => setImmediate(r));
}

/** Closes the register the shell opened, as closing the last window does. */
export async function closeShell(): Promise<void> {
  await shell.appEvents.get('window-all-closed')?.();
}
