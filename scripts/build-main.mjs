// Bundles the Node side (CLI, web shell, Electron entry and preload, benchmarks) with esbuild.
// Packages stay external: native better-sqlite3 and pdfkit's data files must load from node_modules.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
const esm = { ...common, format: 'esm', outExtension: { '.js': '.mjs' } };
// Chunk names carry a hash: last build's chunks would otherwise pile up (and be packaged).
for (const d of ['dist/chunks', 'dist/electron/chunks', 'dist/bench']) rmSync(d, { recursive: true, force: true });
const entries = {
  cli: 'src/main/cli/entry.ts',
  web: 'src/main/web/entry.ts',
  // Long jobs (import, exports) in a worker thread with its own connection; Electron's main starts it too.
  jobWorker: 'src/main/worker/jobWorker.ts',
  // Electron's utility process that owns the register's connection and runs the API (issue 12);
  // beside jobWorker.mjs, which it starts for long jobs, sharing the services' chunks.
  serviceHost: 'src/main/electron/serviceHost.ts',
};
await build({
  ...esm,
  entryPoints: entries,
  outdir: 'dist',
  // The CLI loads each command's services with import(): splitting puts them (and the code the
  // entries share) in dist/chunks/, so `registry-desk --version` reads a few kilobytes, not the PDF code.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The bench has chunks of its own in dist/bench/, which packaging leaves out (electron-builder.yml).
if (existsSync('tests/bench/index.ts'))
  await build({ ...esm, entryPoints: { bench: 'tests/bench/index.ts' }, outdir: 'dist/bench', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...esm, entryPoints: { main: 'src/main/electron/main.ts' }, outdir: 'dist/electron', external: ['electron'], splitting: true, chunkNames: 'chunks/[name]-[hash]' });
// A sandboxed preload must be a single CommonJS file.
await build({ ...common, format: 'cjs', entryPoints: ['src/main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
