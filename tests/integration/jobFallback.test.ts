/**
 * A job worker that cannot load (a chunk it imports is missing where it runs, as in a mispacked
 * installer) ran none of its code: the job runs in-process and the clerk's file is still written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRequest } from '../../src/main/services/registration';
import { jobRunner, workerFile } from '../../src/main/worker/jobThread';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('2026-11-23T10:00:00+02:00');
  registerRequest(t.db, sampleRequest({ requesterName: 'Коваль Ірина' }));
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
});

describe('a job worker that cannot load', () => {
  it('leaves the job to the service itself, says so once, and the journal is written', async () => {
    // The shape of the mispacked worker: its own file is there, the chunk beside it is not.
    const dir = join(t.dir, 'app.asar.unpacked', 'dist');
    mkdirSync(dir, { recursive: true });
    const broken = join(dir, 'jobWorker.mjs');
    writeFileSync(broken, 'import "./chunks/chunk-GONE.mjs";\n');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const run = jobRunner(t.db, broken);
    const seen: number[] = [];
    for (const name of ['a.csv', 'b.csv']) {
      const out = join(t.dir, name);
      const r = (await run('journal:export', { month: '2026-11', format: 'csv', out }, { onProgress: (p) => seen.push(p.done) })) as { rows: number };
      expect(r.rows).toBe(1);
      expect(readFileSync(out, 'utf8')).toContain('Коваль Ірина');
    }
    expect(seen.length).toBeGreaterThan(0);
    // Told once, in words, with the file that failed; the second job did not try the worker again.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain(broken);
  });

  it('a failure inside a worker that did load is the job\'s own error, not a reason to run it again', async () => {
    const file = workerFile();
    if (!file) throw new Error('dist/jobWorker.mjs is missing: run `npm run build` before these tests');
    const run = jobRunner(t.db, file);
    await expect(run('journal:export', { month: '2026-13', format: 'csv', out: join(t.dir, 'x.csv') }, {})).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});
