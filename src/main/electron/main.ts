/**
 * The Electron shell: opens the register in the user's data folder, binds the API to IPC and
 * opens one locked-down window. Everything else lives in services that run under plain Node.
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CALL } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createHandlers, dispatch } from '../api/handlers';
import { openDb, type Db } from '../db/open';
import { sealedKeyStore } from '../db/sealedKeyStore';
import { takeLock, type HeldLock } from '../db/ownerLock';
import { useNativeBinding } from '../db/sqlite';
import { electronAddonPath } from './nativeAddon';
import { describeOpenFailure } from './openFailure';
import { electronPrintPort } from './printing';
import { safeStorageSecrets } from './secrets';
import { chooseGrantedFolder, restoreGrantedFolders } from './grantedFolders';
import { SyncAgent } from '../sync/agent';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preloadFile = join(here, 'preload.cjs');

let db: Db | null = null;
let mainWindow: BrowserWindow | null = null;
let ownerLock: HeldLock | null = null;
let agent: SyncAgent | null = null;

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

/** Opens the register, or tells the person why it cannot and quits: never a process with no window. */
function openRegister(): Db | null {
  const file = join(app.getPath('userData'), 'register.sqlite');
  try {
    // From the sources the Electron-ABI addon sits in .native/; packaged, node_modules already is one.
    if (!app.isPackaged) useNativeBinding(electronAddonPath(app.getAppPath(), process.versions.electron));
    // One owner per register: a restore (or another copy of the app) must not write beside this one.
    ownerLock = takeLock(file, 'app');
    // The chain key in the OS keychain (safeStorage); a key file the CLI made beside it moves in.
    return openDb(file, { keyStore: sealedKeyStore(file, safeStorage) });
  } catch (e) {
    ownerLock?.release();
    ownerLock = null;
    const { title, message } = describeOpenFailure(e, file);
    dialog.showErrorBox(title, message);
    app.exit(1);
    return null;
  }
}

function start(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  db = openRegister();
  if (!db) return;
  // Beyond the register's own folder the API reaches only folders the person chose in the dialog.
  const grantsFile = join(app.getPath('userData'), 'granted-folders.json');
  restoreGrantedFolders(db, grantsFile);
  const secrets = safeStorageSecrets(join(app.getPath('userData'), 'server-password.bin'));
  agent = new SyncAgent(db, secrets);
  agent.start();
  const opened = db;
  const handlers = createHandlers(db, electronPrintPort(() => mainWindow), { agent, secrets }, { chooseFolder: () => chooseGrantedFolder(opened, grantsFile, mainWindow) });
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    // Only our own page may call: a frame from anywhere else gets nothing.
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://')) return { ok: false, error: { kind: 'not_allowed', message: 'Виклик не з вікна програми' } };
    // dispatch validates method and input with the contract's zod schemas.
    return dispatch(handlers, method, input);
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
  void app.whenReady().then(start);
  app.on('window-all-closed', async () => {
    // A sync under way finishes its SQLite transaction before the register closes.
    await agent?.stop();
    agent = null;
    db?.sqlite.close();
    db = null;
    ownerLock?.release();
    ownerLock = null;
    if (process.platform !== 'darwin') app.quit();
  });
}
