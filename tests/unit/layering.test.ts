/**
 * The layering of architecture.md, enforced: `src/shared` is pure (no Node, Electron or DOM),
 * the renderer knows only the shared contract, and services never import Electron.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}
const importsOf = (f: string) => [...readFileSync(f, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('layering', () => {
  it('src/shared imports no Node, Electron or DOM module', () => {
    const allowed = /^(\.|zod|date-fns|@date-fns\/tz)/;
    const bad = files('src/shared').flatMap((f) => importsOf(f).filter((i) => !allowed.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
    const dom = files('src/shared').filter((f) => /\b(window|document|localStorage|process)\.|\brequire\(/.test(readFileSync(f, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(dom).toEqual([]);
  });

  it('the renderer imports only src/shared and UI packages, never src/main', () => {
    const bad = files('src/renderer').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.includes('/main/') || /^(node:|electron|better-sqlite3|fs|path)/.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('services, database and CLI never import Electron', () => {
    const nonElectron = files('src/main').filter((f) => !f.includes(join('src', 'main', 'electron')));
    const bad = nonElectron.filter((f) => importsOf(f).some((i) => i === 'electron'));
    expect(bad).toEqual([]);
  });
});
