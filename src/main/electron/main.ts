/**
 * The Electron shell: keeps the window, the dialogs, printing and the OS keychain, and forwards
 * every API call to the service host — a utility process that owns the register's connection and
 * runs the services (serviceHost.ts), so nothing the register does can stall the window (issue 12).
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CALL } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { sealedKeyStore } from '../db/sealedKeyStore';
import type { KeyStore } from '../db/registerKey';
import { takeLock, type HeldLock } from '../db/ownerLock';
import { electronAddonPath } from './nativeAddon';
import { describeOpenFailure } from './openFailure';
import { electronPrintPort } from './printing';
import { safeStorageSecrets } from './secrets';
import { showFolderDialog } from './folderDialog';
import { HOST_FILE, HOST_SERVICE_NAME, type HostAsk, type HostStart } from './serviceHostProtocol';
import { ServiceHost } from './serviceHostClient';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preloadFile = join(here, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let ownerLock: HeldLock | null = null;
let host: ServiceHost | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Registry Desk — реєстр запитів на інформацію',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // No navigation away from the app and no new windows: links to the web open in the browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadFile(rendererIndex);
  return win;
}

/** Tells the person why the register cannot be used and quits: never a process with no window and no word. */
function refuseToStart(title: string, message: string): void {
  ownerLock?.release();
  ownerLock = null;
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/**
 * Takes the register for this app and unseals its key from the OS keychain (safeStorage is main's),
 * then starts the service host with both. Null when the register cannot be used (the person is told).
 */
function prepareHost(): ServiceHost | null {
  const userData = app.getPath('userData');
  const file = join(userData, 'register.sqlite');
  let keyStore: KeyStore;
  let key: Buffer | null;
  try {
    // One owner per register: a restore (or another copy of the app) must not write beside this one.
    // Main holds it: the host may be restarted, the app's ownership stays.
    ownerLock = takeLock(file, 'app');
    // The chain key in the OS keychain; a key file the CLI made beside it moves in.
    keyStore = sealedKeyStore(file, safeStorage);
    key = keyStore.load();
  } catch (e) {
    const { title, message } = describeOpenFailure(e, file);
    refuseToStart(title, message);
    return null;
  }
  const secrets = safeStorageSecrets(join(userData, 'server-password.bin'));
  const print = electronPrintPort(() => mainWindow);
  const start = (): HostStart => ({
    type: 'start',
    dbPath: file,
    key: key ? key.toString('hex') : null,
    keyWhere: keyStore.describe(),
    // From the sources the Electron-ABI addon sits in .native/; packaged, node_modules already is one.
    nativeBinding: app.isPackaged ? undefined : electronAddonPath(app.getAppPath(), process.versions.electron),
    grantsFile: join(userData, 'granted-folders.json'),
    password: secrets.get(),
    passwordStorable: safeStorage.isEncryptionAvailable(),
  });
  const answer = async (ask: HostAsk): Promise<unknown> => {
    if (ask.what === 'printers') return print.printers();
    if (ask.what === 'print') return print.print(ask.path, ask.printer);
    if (ask.what === 'chooseFolder') return showFolderDialog(mainWindow);
    if (ask.what === 'setPassword') return secrets.set(ask.password);
    // A new register's key: sealed before the host seals anything with it.
    const made = Buffer.from(ask.key, 'hex');
    keyStore.save(made);
    key = made;
    return null;
  };
  const hostFile = join(here, '..', HOST_FILE);
  return new ServiceHost({
    fork: () => utilityProcess.fork(hostFile, [], { serviceName: HOST_SERVICE_NAME, stdio: 'inherit' }),
    start,
    answer,
    onDeath: (code) => void offerRestart(code),
  });
}

/** The host died on its own: the window says so and offers to start it again (never a silent dead window). */
async function offerRestart(code: number): Promise<void> {
  const options = {
    type: 'error' as const,
    title: 'Службу реєстру зупинено',
    message: 'Служба, що працює з реєстром, несподівано зупинилася.',
    detail:
      `Реєстрація чи інша зміна, що виконувалася саме тоді, збережена лише якщо її видно в журналі: перевірте, перш ніж повторювати. ` +
      `Усе, що було збережено раніше, на місці.\n\nКод завершення: ${code}.`,
    buttons: ['Перезапустити службу', 'Закрити програму'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response !== 0 || !host) return app.quit();
  const outcome = await host.start();
  if (!outcome.ok) refuseToStart(outcome.title, outcome.message);
}

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  host = prepareHost();
  if (!host) return;
  const outcome = await host.start();
  if (!outcome.ok) {
    host = null;
    return refuseToStart(outcome.title, outcome.message);
  }
  const running = host;
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    // Only our own page may call: a frame from anywhere else gets nothing.
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://')) return { ok: false, error: { kind: 'not_allowed', message: 'Виклик не з вікна програми' } };
    // The host's dispatch validates method and input with the contract's zod schemas.
    return running.call(method, input);
  });
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

// One desk, one app: a second start would be a second writer on the same register. It hands over
// to the first instance, which comes to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.enableSandbox();
  // Chromium's own words (a date field's format and picker, a required field's bubble, the context
  // menu) in Ukrainian, whatever the language of the desk's Windows: the app speaks only Ukrainian.
  app.commandLine.appendSwitch('lang', 'uk');
  void app.whenReady().then(start);
  app.on('window-all-closed', async () => {
    // The host closes the register (a sync under way finishes its transaction first) and exits.
    await host?.stop();
    host = null;
    ownerLock?.release();
    ownerLock = null;
    if (process.platform !== 'darwin') app.quit();
  });
}
