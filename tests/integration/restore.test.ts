/**
 * Restore against live processes and crashes (issue 8, findings 2 and 3): the web shell and CLI
 * registrations on one register during a restore, a SIGKILL between restore's steps, and a
 * register that vanished. A registration reported as done must be in a register file afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { backupRegister, restoreRegister } from '../../src/main/services/backup';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { AppError } from '../../src/shared/errors';
import { cli } from '../helpers/cli';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-restore-');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
const root = join(__dirname, '..', '..');

function child(args: string[], env: Record<string, string> = {}): ChildProcess {
  const c = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  return c;
}

/** Resolves with the first line of `stream` matching `re` (no timing assumptions: waits for the line). */
function lineMatching(c: ChildProcess, stream: 'stdout' | 'stderr', re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((ok, fail) => {
    let buf = '';
    const on = (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(re);
      if (m) {
        c[stream]!.off('data', on);
        ok(m);
      }
    };
    c[stream]!.on('data', on);
    c.once('exit', (code) => fail(new Error(`child exited ${code} before ${re}: ${buf}`)));
  });
}

const exited = (c: ChildProcess) => new Promise<number | null>((ok) => (c.exitCode !== null || c.signalCode !== null ? ok(c.exitCode) : c.once('exit', (code) => ok(code))));

async function seeded(name: string, n: number, backupAfter: number) {
  const file = join(dir, name, 'desk.sqlite');
  const copy = join(dir, name, 'copy.sqlite');
  const db = openDb(file, { now: () => new Date('2026-11-23T12:00:00+02:00') });
  for (let i = 0; i < n; i++) {
    registerRequest(db, sampleRequest({ requesterName: `Перший ${i}` }));
    if (i + 1 === backupAfter) await backupRegister(db, copy);
  }
  db.sqlite.close();
  return { file, copy };
}

const count = (file: string) => {
  const db = openDb(file);
  try {
    const v = verifyRegister(db);
    expect(v.findings).toEqual([]);
    return v.requests;
  } finally {
    db.sqlite.close();
  }
};

/** Every requester name in the register file and in every copy a restore kept beside it. */
function namesInLineage(file: string): Set<string> {
  const folder = join(file, '..');
  const files = [file, ...readdirSync(folder).filter((f) => /\.before-restore-[^.]+$/.test(f) && !f.endsWith('.key')).map((f) => join(folder, f))];
  const names = new Set<string>();
  for (const f of files) {
    const db = openDb(f);
    try {
      expect(verifyRegister(db).findings).toEqual([]);
      for (const n of db.sqlite.prepare('SELECT requester_name FROM requests').pluck().all() as string[]) names.add(n);
    } finally {
      db.sqlite.close();
    }
  }
  return names;
}

describe('restore while others use the register', () => {
  it('refuses while the web shell runs, naming it; the shell keeps registering; a second shell is refused', async () => {
    const { file, copy } = await seeded('web', 3, 2);
    const web = child(['src/main/web/entry.ts', '--db', file, '--port', '0', '--now', '2026-11-23T12:00:00+02:00']);
    const [, url] = await lineMatching(web, 'stdout', /(http:\/\/127\.0\.0\.1:\d+)/);
    const register = async (name: string) => {
      const r = await fetch(`${url}/api/requests:register`, { method: 'POST', body: JSON.stringify(sampleRequest({ requesterName: name })) });
      return (await r.json()) as { ok: boolean; value?: { index: string } };
    };
    expect(await register('Веб 1')).toMatchObject({ ok: true, value: { index: 'З-4' } });

    const r = await cli(['restore', '--db', file, '--from', copy]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`веб-оболонка Registry Desk \\(процес ${web.pid}`));
    expect(await register('Веб 2')).toMatchObject({ ok: true, value: { index: 'З-5' } });

    const second = child(['src/main/web/entry.ts', '--db', file, '--port', '0']);
    const [, msg] = await lineMatching(second, 'stderr', /(Помилка: .*)/);
    expect(msg).toMatch(new RegExp(`процес ${web.pid}`));
    expect(await exited(second)).toBe(2);

    web.kill('SIGTERM');
    await exited(web);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const done = restoreRegister(file, copy);
    expect(done.requests).toBe(2);
    expect(count(done.previous!)).toBe(5);
    expect(count(file)).toBe(2);
  });

  it('a CLI registering again and again during restores: every registration it reported is in the register or the kept copy', async () => {
    const { file, copy } = await seeded('cli', 2, 2);
    const loop = child(['tests/fixtures/cliLoop.ts', file]);
    const acked: string[] = [];
    let buf = '';
    loop.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) acked.push(l.split('\t')[1]!);
    });
    const waitFor = async (n: number) => {
      while (acked.length < n) await new Promise((ok) => setTimeout(ok, 20));
    };
    let restores = 0;
    let refusals = 0;
    for (let round = 0; round < 3; round++) {
      await waitFor(acked.length + 3);
      for (;;) {
        try {
          restoreRegister(file, copy);
          restores++;
          break;
        } catch (e) {
          if (!(e instanceof AppError && e.kind === 'conflict')) throw e;
          refusals++;
          // Let the loop's output in and give the busy register a moment, as a person retrying would;
          // a tight synchronous retry could starve against a child that reopens it at once.
          await new Promise((ok) => setTimeout(ok, 10));
        }
      }
    }
    await waitFor(acked.length + 3);
    loop.kill('SIGKILL');
    await exited(loop);
    expect(restores).toBe(3);
    const names = namesInLineage(file);
    const lost = acked.filter((n) => !names.has(n));
    expect({ acknowledged: acked.length, lost }).toEqual({ acknowledged: acked.length, lost: [] });
    console.log(`restore race: ${acked.length} registrations acknowledged, ${restores} restores, ${refusals} refused attempts, 0 lost`);
  }, 240_000);
});

describe('a crash inside restore', () => {
  for (const step of ['checked', 'locked', 'linked', 'renamed'] as const) {
    it(`SIGKILL after «${step}» leaves the old or the new register at the path, never none`, async () => {
      const { file, copy } = await seeded(`crash-${step}`, 3, 2);
      const c = child(['tests/fixtures/restoreChild.ts', file, copy], { REGISTRY_DESK_CRASH_AT: step });
      await lineMatching(c, 'stderr', new RegExp(`restore-step:${step}`));
      c.kill('SIGKILL');
      await exited(c);
      expect(existsSync(file)).toBe(true);
      // The dead restorer's lock is taken over; the register opens whole.
      expect(count(file)).toBe(step === 'renamed' ? 2 : 3);
      const again = restoreRegister(file, copy);
      expect(again.requests).toBe(2);
      expect(count(file)).toBe(2);
    });
  }

  it('a register that vanished is not silently started again at З-1', async () => {
    const { file, copy } = await seeded('vanished', 2, 2);
    restoreRegister(file, copy);
    rmSync(file);
    const r = await cli(['register', '--db', file, '--input', '-', '--json'], JSON.stringify(sampleRequest()));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/не знайдено, хоча він існував/);
    expect(existsSync(file)).toBe(false);
    // The way back: restore puts a register at the path again.
    expect(restoreRegister(file, copy).requests).toBe(2);
    expect(count(file)).toBe(2);
  });
});
