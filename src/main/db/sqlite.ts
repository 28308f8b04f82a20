/**
 * Every SQLite connection is made here, so one setting decides which build of the native addon
 * loads: Node's (node_modules, for the CLI, the web shell and the tests) by default, or the
 * Electron-ABI build that the desktop shell names at start-up (scripts/electron-native.mjs).
 */
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/** Called once by the Electron main process before any register is opened. */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}

/** The addon build in use, handed to worker threads so their connections load the same one. */
export const nativeBindingInUse = (): string | undefined => nativeBinding;
