// One `npm install` serves two runtimes. The CLI, the web shell and the tests run under Node and load
// better-sqlite3 from node_modules, built for Node's ABI. The window runs under Electron, whose ABI
// differs, so this script builds a second copy of the addon for Electron into `.native/` — apart
// from node_modules, which it never touches — and the Electron main process loads that copy through
// better-sqlite3's `nativeBinding` option (src/main/electron/nativeBinding.ts).
//
// How: @electron/rebuild over a scratch project that holds a copy of better-sqlite3's sources. It
// first tries prebuild-install for the Electron runtime (better-sqlite3 publishes Electron prebuilds
// for Windows and Linux), and compiles with node-gyp against Electron's headers when none fits.
// The packaged app does not use this: electron-builder rebuilds the addon for Electron itself
// (`npmRebuild: true` in electron-builder.yml).
//
// Usage: node scripts/electron-native.mjs          build if missing (run by `prepare` and `npm start`)
//        node scripts/electron-native.mjs --force  build again
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const say = (line) => process.stdout.write(`electron-native: ${line}\n`);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say('skipped: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so there is no Electron to build for. ' +
    'The CLI, the web shell and the tests use Node\'s build; run `npm start` where Electron can be downloaded.');
  process.exit(0);
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
// The folder name carries everything the ABI depends on, so an upgrade never loads a stale build.
const tag = `electron-${electronVersion}-${process.platform}-${process.arch}-better-sqlite3-${sqliteVersion}`;
const outDir = join(root, '.native', tag);
const outFile = join(outDir, 'better_sqlite3.node');

if (existsSync(outFile) && !process.argv.includes('--force')) {
  say(`up to date (${tag})`);
  process.exit(0);
}

const scratch = join(root, '.native', 'build');
rmSync(scratch, { recursive: true, force: true });
const scratchModule = join(scratch, 'node_modules', 'better-sqlite3');
mkdirSync(scratchModule, { recursive: true });
writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'registry-desk-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
// The sources only: the Node build in build/ must not be mistaken for an Electron one.
cpSync(sqliteDir, scratchModule, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) });

say(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: scratch, electronVersion, arch: process.arch, onlyModules: ['better-sqlite3'], force: true });
  const built = join(scratchModule, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`the build left no ${built}`);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, outFile);
  rmSync(scratch, { recursive: true, force: true });
  say(`done: ${outFile}`);
} catch (e) {
  rmSync(scratch, { recursive: true, force: true });
  // Not fatal for `npm install`: Node's side works without it; `npm start` runs this again and the
  // app itself explains a missing addon in a dialog.
  say(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
  say('The window needs this build. Check the internet connection (prebuilt binaries and Electron headers are downloaded) ' +
    'or install a C++ toolchain (Visual Studio Build Tools on Windows, build-essential and python3 on Linux), ' +
    'then run `node scripts/electron-native.mjs --force`.');
  process.exitCode = process.argv.includes('--strict') ? 1 : 0;
}
