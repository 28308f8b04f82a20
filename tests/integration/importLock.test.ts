/**
 * An import in one process and a CLI registration in another (issue 8, the import's write lock):
 * the CLI finds the register busy for longer than SQLite's 5 s busy timeout, sees the import's
 * marker, says so on stderr and waits — then registers with the next free number once the import
 * commits, or once it is cancelled. Real files, two real processes (the built CLI: `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMarkerOf, liveImport, markImport } from '../../src/main/db/importMarker';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const root = join(__dirname, '..', '..');
const dir = tempDir('rd-importlock-');
const children: ChildProcess[] = [];
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli.mjs'))) throw new Error('dist/cli.mjs is missing: run `npm run build` before these tests');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(cmd: string[], input?: string): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, cmd, { cwd: root, env: { ...process.env, REGISTRY_DESK_NOW: '2026-11-23T12:00:00+02:00' }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin!.end(input ?? '');
  const exit = new Promise<number | null>((ok) => child.once('close', (code) => ok(code)));
  return { child, out: () => out, err: () => err, exit };
}

/** Resolves once `text()` matches (a condition, never a fixed wait); fails if `exit` comes first. */
async function until(text: () => string, re: RegExp, exit: Promise<unknown>, what: string): Promise<void> {
  let ended = false;
  void exit.then(() => (ended = true));
  while (!re.test(text())) {
    if (ended) throw new Error(`${what} ended before ${re}: ${text()}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/** A register with З-1 and З-2 made at the desk, and a journal of 1,500 older rows numbered from З-3. */
function setUp(name: string) {
  mkdirSync(join(dir, name));
  const file = join(dir, name, 'desk.sqlite');
  const db = openDb(file, { now: () => new Date('2026-11-23T12:00:00+02:00') });
  registerRequest(db, sampleRequest({ requesterName: 'Перша' }));
  registerRequest(db, sampleRequest({ requesterName: 'Друга' }));
  db.sqlite.close();
  const lines = ['Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту;Результат розгляду;Дата відповіді'];
  for (let i = 0; i < 1500; i++) lines.push(`З-${3 + i};${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 10)).padStart(2, '0')}.2026;Особа ${i};вул. Садова, ${i};Запит ${i};надано відповідь;23.11.2026`);
  const csv = join(dir, name, 'old.csv');
  writeFileSync(csv, lines.join('\r\n'));
  return { file, csv, go: join(dir, name, 'go') };
}

const request = JSON.stringify({ receivedAt: '2026-11-23T11:00:00+02:00', channel: 'email', requesterName: 'Під час імпорту', email: 'p@example.com', description: 'Запит', signed: true });

describe('a CLI command waits for an import in another process', () => {
  for (const outcome of ['commit', 'cancel'] as const) {
    it(`register during the import's write phase completes after the import ${outcome === 'commit' ? 'commits' : 'is cancelled'}, with the next number`, async () => {
      const { file, csv, go } = setUp(outcome);
      const importer = run(['--import', 'tsx', join(root, 'tests', 'fixtures', 'importChild.ts'), file, csv, go]);
      await until(importer.out, /writing/, importer.exit, 'the import');
      expect(liveImport(file)).toMatchObject({ pid: importer.child.pid, total: 1500 });

      const reg = run([join(root, 'dist', 'cli.mjs'), 'register', '--db', file, '--input', '-', '--json'], request);
      // SQLite's 5 s busy timeout passes inside the CLI; then it must say why it waits, not fail.
      await until(reg.err, /Триває імпорт у застосунку \(процес \d+, з \d\d:\d\d\); чекаю…/, reg.exit, 'the CLI');
      await until(reg.err, /імпорт: записано 500 з 1500 \(33 %\)/, reg.exit, 'the CLI');
      writeFileSync(go, outcome);

      expect(await importer.exit).toBe(0);
      expect(importer.out()).toMatch(outcome === 'commit' ? /imported 1500/ : /stopped: .*скасовано/i);
      expect(await reg.exit).toBe(0);
      const got = JSON.parse(reg.out()) as { index: string };
      expect(got.index).toBe(outcome === 'commit' ? 'З-1503' : 'З-3');
      expect(existsSync(importMarkerOf(file))).toBe(false);

      const db = openDb(file);
      try {
        const indices = db.sqlite.prepare('SELECT incoming_index FROM requests').pluck().all() as string[];
        expect(indices.length).toBe(outcome === 'commit' ? 1503 : 3);
        expect(new Set(indices).size).toBe(indices.length);
        expect(indices).toEqual(expect.arrayContaining(['З-1', 'З-2', got.index]));
        expect(verifyRegister(db).findings).toEqual([]);
      } finally {
        db.sqlite.close();
      }
    }, 180_000);
  }
});

describe('the import marker', () => {
  it('names a live importer and is ignored (and removed) once its process is dead', async () => {
    mkdirSync(join(dir, 'marker'));
    const file = join(dir, 'marker', 'desk.sqlite');
    const held = markImport(file, 10);
    expect(liveImport(file)).toMatchObject({ pid: process.pid, done: 0, total: 10 });
    held.progress(5);
    expect(liveImport(file)).toMatchObject({ done: 5 });
    held.release();
    expect(liveImport(file)).toBeNull();

    // A marker left by a process that died (SIGKILL: no finally ran).
    const dead = run(['-e', 'setInterval(() => {}, 1000)']);
    await until(() => String(dead.child.pid ?? ''), /\d/, dead.exit, 'the child');
    writeFileSync(importMarkerOf(file), JSON.stringify({ pid: dead.child.pid, host: (await import('node:os')).hostname(), since: new Date().toISOString(), done: 1, total: 2 }));
    expect(liveImport(file)).not.toBeNull();
    dead.child.kill('SIGKILL');
    await dead.exit;
    expect(liveImport(file)).toBeNull();
    expect(existsSync(importMarkerOf(file))).toBe(false);
  });
});
