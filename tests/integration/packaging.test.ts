/**
 * The installers' configuration, checked by electron-builder's own validator and against what its docs
 * say each setting replaces. Packaging itself needs the Electron download, which these machines lack.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (buf: Buffer) => ({ png: buf.subarray(1, 4).toString('latin1') === 'PNG', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema', async () => {
    // electron-builder's own copy of its validator (app-builder-lib comes with it, same version).
    const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('keeps every default dependency of the deb package (setting depends replaces the defaults)', () => {
    // app-builder-lib FpmTarget.getDefaultDepends('deb'), electron-builder 26.
    const defaults = ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'];
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults));
    const source = readFileSync(join(root, 'node_modules', 'app-builder-lib', 'out', 'targets', 'FpmTarget.js'), 'utf8');
    for (const d of defaults) expect(source).toContain(`"${d}"`);
  });

  it('flips the fuses that lock the packaged app down', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('packs the entry package.json names and the app\'s own icons', () => {
    expect(config.files).toContain('dist/**/*');
    expect(pkg.main.startsWith('dist/')).toBe(true);
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = pngSize(readFileSync(join(root, config.linux.icon, `${size}x${size}.png`)));
      expect(png).toEqual({ png: true, width: size, height: size });
    }
  });
});

describe('the built entries and their chunks', () => {
  // The CLI and the main process load code with import(): esbuild splits it into chunk files that
  // must be in dist/ and packed with the entry (never left out with the bench or the source maps).
  const excluded = (config.files as string[]).filter((f) => f.startsWith('!')).map((f) => f.slice(1));
  const isExcluded = (rel: string) => excluded.some((g) => (g.endsWith('/**') ? rel.startsWith(g.slice(0, -2)) : g.startsWith('dist/**/*') ? rel.endsWith(g.slice('dist/**/*'.length)) : rel === g));

  function reachable(entry: string): string[] {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:from\s*|import\s*\(?\s*)"(\.{1,2}\/[^"]+\.mjs)"/g)) walk(join(file, '..', m[1]!).replaceAll('\\', '/'));
    };
    walk(entry);
    return [...seen];
  }

  for (const entry of ['dist/cli.mjs', 'dist/web.mjs', 'dist/electron/main.mjs'])
    it(`${entry} reaches only files that exist and are packed`, () => {
      const files = reachable(entry);
      if (entry === 'dist/cli.mjs') expect(files.some((f) => f.includes('/chunks/'))).toBe(true);
      for (const f of files) expect(isExcluded(f), f).toBe(false);
    });
});
