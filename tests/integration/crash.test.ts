import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { tempDir, sampleRequest } from '../helpers/tempDb';
import { rmSync } from 'node:fs';

const dir = tempDir('rd-crash-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the burst child and SIGKILLs it once it has reported `after` registrations. */
function burstAndKill(file: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'fixtures', 'burst.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const done: string[] = [];
    let buf = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      done.push(...lines);
      if (done.length >= after && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(done) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('crash safety', () => {
  it('a SIGKILL in a burst of registrations loses no reported registration and never repeats a number', async () => {
    const file = join(dir, 'register.sqlite');
    const reported: string[] = [];
    for (const after of [37, 113, 5]) reported.push(...(await burstAndKill(file, after)));

    const db = openDb(file);
    try {
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.sqlite.prepare('SELECT incoming_index AS i, seq FROM requests ORDER BY seq').all() as { i: string; seq: number }[];
      const indexes = new Set(rows.map((r) => r.i));
      // Every registration the child reported as done is in the register.
      for (const idx of reported) expect(indexes.has(idx)).toBe(true);
      // No number twice, none skipped: the numbers are exactly 1..N.
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, k) => k + 1));
      expect(new Set(reported).size).toBe(reported.length);
      // Each request has its registration event, and the log is whole.
      const orphans = db.sqlite.prepare("SELECT count(*) AS n FROM requests r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.request_id = r.id AND e.type = 'registered')").get();
      expect(orphans).toEqual({ n: 0 });
      // The next number continues after the highest one ever given.
      const next = registerRequest(db, sampleRequest());
      expect(next.index).toBe(`З-${rows.length + 1}`);
    } finally {
      db.sqlite.close();
    }
  });
});
