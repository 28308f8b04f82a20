/**
 * The Electron shell: opens the register in the user's data folder, binds the API to IPC and
 * opens one locked-down window. Everything else lives in services that run under plain Node.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CALL } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createHandlers, dispatch } from '../api/handlers';
import { openDb, type Db } from '../db/open';
import { takeLock, type HeldLock } from '../db/ownerLock';
import { grantFolder } from '../services/files';
import { electronPrintPort } from './printing';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');

let db: Db | null = null;
let ownerLock: HeldLock | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Registry Desk — реєстр запитів на інформацію',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
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
  void win.loadFile(rendererIndex);
  return win;
}

app.enableSandbox();
app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  const file = join(app.getPath('userData'), 'register.sqlite');
  try {
    // One owner per register: a second window of the app (or a restore) must not write beside this one.
    ownerLock = takeLock(file, 'app');
    db = openDb(file);
    // No folder-picking dialog yet: the person's own Documents, Downloads and Desktop stand in for
    // the folders they would choose; the API reaches nothing else but the register's folder.
    for (const k of ['documents', 'downloads', 'desktop'] as const) {
      try {
        grantFolder(db, app.getPath(k));
      } catch {
        /* a missing special folder grants nothing */
      }
    }
  } catch (e) {
    dialog.showErrorBox('Registry Desk', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  const handlers = createHandlers(db, electronPrintPort(() => BrowserWindow.getAllWindows()[0] ?? null));
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    // Only our own page may call: a frame from anywhere else gets nothing.
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://')) return { ok: false, error: { kind: 'not_allowed', message: 'Виклик не з вікна програми' } };
    // dispatch validates method and input with the contract's zod schemas.
    return dispatch(handlers, method, input);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  db?.sqlite.close();
  db = null;
  ownerLock?.release();
  ownerLock = null;
  if (process.platform !== 'darwin') app.quit();
});
