/**
 * A green CI here can hide a Debian package installed by hand. Every program the tests spawn must be
 * in .ci/run's table of tools, which installs its package on a fresh machine and stops with the
 * package's name when it is still missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|js)$/.test(name) ? [p] : [];
  });

/** `execFileSync('pdftotext', …)`, `spawn("qpdf", …)`, and the helpers' `run('pdffonts', …)`. */
const SPAWN = /(?<![.\w$])(?:execFileSync|execFile|spawnSync|spawn|execa|run)\(\s*['"`]([A-Za-z0-9_./-]+)['"`]/g;
const OURS = new Set(['node', 'npx', 'npm', 'bash', 'sh', 'git', 'kill', 'true', 'false']);

it('.ci/run installs every program the tests spawn', () => {
  const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
  const table = new Set([...ci.matchAll(/^\s*"(\S+) (\S+)"\s*$/gm)].map((m) => m[1]!.split('/').pop()!));
  expect(table.size).toBeGreaterThan(5);
  const spawned = new Map<string, string>();
  for (const file of files(join(root, 'tests')).filter((f) => f !== __filename))
    for (const m of readFileSync(file, 'utf8').matchAll(SPAWN)) {
      const prog = m[1]!.split('/').pop()!;
      if (!OURS.has(prog) && !prog.includes('.')) spawned.set(prog, file.slice(root.length + 1));
    }
  expect(spawned.size).toBeGreaterThan(3);
  const missing = [...spawned].filter(([prog]) => !table.has(prog)).map(([prog, file]) => `${prog} (${file})`);
  expect(missing, 'add these to the tools table in .ci/run with their Debian package').toEqual([]);
});
