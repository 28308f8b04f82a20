/**
 * The installers' configuration, checked by electron-builder's own validator and against what its docs
 * say each setting replaces. Packaging itself needs the Electron download, which these machines lack.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, type Stats, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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

  // The service host (Electron's utility process, issue 12) and the job worker it starts are entries too.
  for (const entry of ['dist/cli.mjs', 'dist/web.mjs', 'dist/electron/main.mjs', 'dist/serviceHost.mjs', 'dist/jobWorker.mjs'])
    it(`${entry} reaches only files that exist and are packed`, () => {
      const files = reachable(entry);
      if (entry === 'dist/cli.mjs') expect(files.some((f) => f.includes('/chunks/'))).toBe(true);
      for (const f of files) expect(isExcluded(f), f).toBe(false);
    });

  it('a script started by its path (service host, job worker) is packed on the same side of the asar as every chunk it imports', () => {
    // electron-builder's own asarUnpack filter, as its platform packager builds it.
    const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));
    const { getFileMatchers } = require('app-builder-lib/out/fileMatcher.js');
    const [matcher] = getFileMatchers(config, 'asarUnpack', root, { macroExpander: (x: string) => x, customBuildOptions: {}, globalOutDir: join(root, 'release'), defaultSrc: root });
    const filter = matcher.createFilter();
    const unpacked = (rel: string) => Boolean(filter(join(root, rel), lstatSync(join(root, rel))));
    // An unpacked script importing a chunk left in the archive fails to load (the chunk is not beside
    // it), and so would its packages: the job worker once was so, and every export fell back.
    for (const entry of ['dist/serviceHost.mjs', 'dist/jobWorker.mjs']) {
      const files = reachable(entry);
      expect(files.length).toBeGreaterThan(1);
      for (const f of files) expect(unpacked(f), `${f} (imported by ${entry})`).toBe(unpacked(entry));
    }
    expect(unpacked('node_modules/better-sqlite3/package.json')).toBe(true);
  });

  it('main forks the service host the build writes, and holds no register connection itself', () => {
    const mainFiles = reachable('dist/electron/main.mjs');
    const text = mainFiles.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    // main.mjs sits in dist/electron/; the host beside the CLI in dist/.
    expect(text).toContain('"serviceHost.mjs"');
    expect(readFileSync(join(root, 'dist', 'serviceHost.mjs'), 'utf8')).toContain('parentPort');
    // SQLite (and the services over it) load only in the host.
    expect(text).not.toMatch(/from\s*"better-sqlite3"|require\("better-sqlite3"\)/);
    expect(reachable('dist/serviceHost.mjs').map((f) => readFileSync(join(root, f), 'utf8')).join('\n')).toMatch(/from\s*"better-sqlite3"/);
  });
});

/** A package's production closure as electron-builder packs it: every dependency, resolved the way Node does. */
function closure(name: string, from: string, seen = new Map<string, string>()): Map<string, string> {
  const require = createRequire(join(from, 'noop.js'));
  let dir: string;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    return seen; // an optional or browser-only dependency that is not installed
  }
  if (seen.has(dir)) return seen;
  seen.set(dir, name);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(meta.dependencies ?? {})) closure(dep, dir, seen);
  return seen;
}

describe('the installer\'s copy of shevchenko', () => {
  it('declines the letters\' names with only the files electron-builder keeps of @tensorflow', () => {
    // electron-builder's own matcher for node_modules (only the `files` exclusions apply there).
    const require = createRequire(join(root, 'node_modules', 'electron-builder', 'package.json'));
    const { FileMatcher, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    const main = getNodeModuleFileMatcher(root, '', (s: string) => s, {}, { config, debugLogger: { isEnabled: false } });
    const target = mkdtempSync(join(tmpdir(), 'rd-pack-'));
    let before = 0;
    let kept = 0;
    try {
      for (const [dir] of closure('shevchenko', root)) {
        const dest = relative(root, dir); // node_modules/…, as the app's asar holds it
        const filter = new FileMatcher(dir, dest, (s: string) => s, main.patterns).createFilter();
        const walk = (d: string): void => {
          for (const name of readdirSync(d)) {
            const file = join(d, name);
            const stat = lstatSync(file) as Stats & { moduleFullFilePath?: string };
            stat.moduleFullFilePath = join(dest, relative(dir, file));
            if (stat.isDirectory()) {
              if (name === 'node_modules') continue; // nested packages are in the closure on their own
              if (filter(file, stat)) walk(file);
              continue;
            }
            if (dir.includes('@tensorflow')) before += stat.size;
            if (!filter(file, stat)) continue;
            if (dir.includes('@tensorflow')) kept += stat.size;
            mkdirSync(dirname(join(target, stat.moduleFullFilePath)), { recursive: true });
            copyFileSync(file, join(target, stat.moduleFullFilePath));
          }
        };
        walk(dir);
      }
      // The trimmed set is a small part of what npm installs, yet declension (with the classifier) runs.
      expect(before).toBeGreaterThan(150e6);
      expect(kept).toBeLessThan(15e6);
      const script = `
        const s = require('shevchenko');
        (async () => {
          const out = [];
          for (const n of ${JSON.stringify(['Сидоренко Олег Миколайович', 'Білий Іван Петрович', 'Петренко Марія Іванівна', 'Коваль Андрій Петрович'])}) {
            const [familyName, givenName, patronymicName] = n.split(' ');
            const gender = await s.detectGender({ familyName, givenName, patronymicName });
            const d = await s.inDative({ familyName, givenName, patronymicName, gender });
            out.push([d.familyName, d.givenName, d.patronymicName].join(' '));
          }
          console.log(JSON.stringify(out));
        })().catch((e) => { console.error(e); process.exit(1); });`;
      const out = execFileSync(process.execPath, ['-e', script], { cwd: target, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([
        'Сидоренку Олегу Миколайовичу',
        'Білому Івану Петровичу', // the classifier's answer: an adjective-like surname
        'Петренко Марії Іванівні',
        'Ковалю Андрію Петровичу',
      ]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }, 120_000);
});
