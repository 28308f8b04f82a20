/**
 * Folders the person chose in the system's folder dialog (issue 8): the only places outside the
 * register's own folder the API may read and write. The list lives in the app's own data folder,
 * written here only after the dialog answered — the page can ask for the dialog, never name a
 * folder itself — and is granted again at the next start. No Electron import: the register's
 * connection lives in the service host (serviceHost.ts), which asks main to show the dialog.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../db/open';
import { grantFolder } from '../services/files';

function load(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return []; // a damaged list grants nothing; the person chooses again
  }
}

/** At start: the folders chosen before, those that still exist. */
export function restoreGrantedFolders(db: Db, file: string): void {
  for (const dir of load(file)) {
    try {
      grantFolder(db, dir);
    } catch {
      /* a folder gone or no longer writable grants nothing */
    }
  }
}

/** Asks for the folder dialog (`showDialog`: main's); the folder chosen is granted and remembered. Null when cancelled. */
export async function chooseGrantedFolder(db: Db, file: string, showDialog: () => Promise<string | null>): Promise<string | null> {
  const dir = await showDialog();
  if (!dir) return null;
  grantFolder(db, dir);
  const list = [...new Set([...load(file), dir])];
  writeFileSync(`${file}.tmp`, JSON.stringify(list, null, 2));
  renameSync(`${file}.tmp`, file);
  return dir;
}
