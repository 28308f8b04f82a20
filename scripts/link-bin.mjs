// npm links the bins of dependencies, not the project's own: link ours so that
// `npx registry-desk` works in a fresh clone right after `npm ci` (the CLI contract).
import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const binDir = join('node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const target = join(binDir, 'registry-desk');
if (existsSync(target) || (() => { try { return lstatSync(target).isSymbolicLink(); } catch { return false; } })()) rmSync(target);
if (process.platform === 'win32') {
  writeFileSync(`${target}.cmd`, '@node "%~dp0\\..\\..\\bin\\registry-desk.mjs" %*\r\n');
} else {
  symlinkSync(join('..', '..', 'bin', 'registry-desk.mjs'), target);
  chmodSync(join('bin', 'registry-desk.mjs'), 0o755);
}
