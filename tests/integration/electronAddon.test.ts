/**
 * `npm start` loads better-sqlite3 built for Electron's ABI from `.native/` (scripts/electron-native.mjs),
 * never the Node build in node_modules. Its own file: one process can hold only one copy of the addon,
 * so nothing here may load node_modules' build before the shell loads the copy.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { closeShell, projectRoot, resetShell, shell, startShell } from '../helpers/fakeElectron';

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule());

const require = createRequire(join(projectRoot, 'package.json'));
const sqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version;
const nodeBuild = join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const addonDir = () => join(shell.appPath, '.native', `electron-41.7.1-${process.platform}-${process.arch}-better-sqlite3-${sqliteVersion}`);

beforeEach(() => {
  resetShell();
  (process.versions as Record<string, string>).electron = '41.7.1';
  mkdirSync(addonDir(), { recursive: true });
});
afterEach(() => {
  closeShell();
  delete (process.versions as Record<string, string | undefined>).electron;
});

it('a broken addon build in .native/ is what loads, and the dialog says how to rebuild it', async () => {
  writeFileSync(join(addonDir(), 'better_sqlite3.node'), 'not a shared library');
  await startShell();
  expect(shell.windows).toHaveLength(0);
  expect(shell.errorBoxes[0]?.title).toBe('Не вдалося завантажити модуль бази даних');
  expect(shell.errorBoxes[0]?.message).toMatch(/electron-native\.mjs --force/);
  expect(shell.exitCode).toBe(1);
});

it('a working addon build in .native/ opens the register and the window', async () => {
  // Node's own build stands in for Electron's: the point is which file the shell loads.
  copyFileSync(nodeBuild, join(addonDir(), 'better_sqlite3.node'));
  await startShell();
  expect(shell.errorBoxes).toEqual([]);
  expect(shell.windows).toHaveLength(1);
});
