#!/usr/bin/env node
// The CLI runs from the bundle that `npm ci` builds (the `prepare` script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('registry-desk: the CLI is not built yet. Run `npm run build` in the project folder.\n');
  process.exit(1);
}
await import(bundle);
