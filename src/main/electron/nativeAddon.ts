/**
 * Where the Electron-ABI build of better-sqlite3 lives when the app runs from its sources
 * (`npm start`): scripts/electron-native.mjs writes it under `.native/`, apart from the Node build in
 * node_modules that the CLI and the tests load. The folder name must match that script's.
 * The packaged app needs none of this: electron-builder rebuilds node_modules for Electron.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function electronAddonPath(appRoot: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const require = createRequire(import.meta.url);
  const sqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version;
  const tag = `electron-${electronVersion}-${process.platform}-${process.arch}-better-sqlite3-${sqliteVersion}`;
  const file = join(appRoot, '.native', tag, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
