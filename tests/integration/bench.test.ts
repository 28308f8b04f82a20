/**
 * `npm run bench -- --quick --json` prints one JSON object with every entry in the agreed shape.
 * Only the shape: timings belong to the bench, never to a test (CI shares two cores). A tiny
 * --size keeps the run short; npm test builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const ENTRIES = ['register', 'search', 'list', 'today', 'stamp', 'journal_pdf', 'journal_xlsx', 'sync', 'open', 'cli_start', 'memory', 'bundle', 'verify', 'verify_memory'];
/** The entries measured next to a raw twin; the others leave out `raw` and `ratio`. */
const WITH_RAW = ['register', 'search', 'stamp', 'journal_pdf', 'journal_xlsx', 'sync', 'cli_start', 'verify'];

describe('npm run bench -- --quick --json', () => {
  it('prints every entry as { ours, raw, unit, ratio, target, met }', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', 'dist/bench/bench.mjs', '--quick', '--json', '--size', '40', '--fresh'], {
      cwd: root,
      maxBuffer: 10 * 1024 * 1024,
      timeout: 540_000,
    });
    const out = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out).sort()).toEqual([...ENTRIES].sort());
    for (const [name, e] of Object.entries(out)) {
      const keys = WITH_RAW.includes(name) ? ['met', 'ours', 'ratio', 'raw', 'target', 'unit', 'what'] : ['met', 'ours', 'target', 'unit', 'what'];
      expect(Object.keys(e).sort(), name).toEqual(keys);
      expect(typeof e.ours === 'number' && Number.isFinite(e.ours) && e.ours >= 0, `${name}.ours`).toBe(true);
      expect(['ms', 'MB', 'KB'], name).toContain(e.unit);
      expect(typeof e.target === 'string' && e.target.length > 0, name).toBe(true);
      expect(typeof e.met, name).toBe('boolean');
      if (WITH_RAW.includes(name)) {
        expect((e.raw as number) > 0, `${name}.raw`).toBe(true);
        // The ratio is ours over raw as printed (each kept to four significant digits).
        expect(Math.abs((e.ratio as number) / ((e.ours as number) / (e.raw as number)) - 1), `${name}.ratio`).toBeLessThan(0.01);
      }
    }
    expect(out.memory!.unit).toBe('MB');
    expect(out.bundle!.unit).toBe('KB');
    expect(out.verify_memory!.unit).toBe('MB');
  }, 600_000);
});
