// Bundles the Node side (CLI, web shell, Electron entry and preload, benchmarks) with esbuild.
// Packages stay external: native better-sqlite3 and pdfkit's data files must load from node_modules.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

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
const entries = {
  cli: 'src/main/cli/entry.ts',
  web: 'src/main/web/entry.ts',
  bench: 'tests/bench/index.ts',
  // Long jobs (import, exports) in a worker thread with its own connection; Electron's main starts it too.
  jobWorker: 'src/main/worker/jobWorker.ts',
};
await build({
  ...esm,
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, f]) => existsSync(f))),
  outdir: 'dist',
  // Shared chunks would need splitting; each entry is small enough to stand alone.
});
await build({ ...esm, entryPoints: { main: 'src/main/electron/main.ts' }, outdir: 'dist/electron', external: ['electron'] });
// A sandboxed preload must be a single CommonJS file.
await build({ ...common, format: 'cjs', entryPoints: ['src/main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
