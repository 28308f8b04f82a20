/**
 * Issue 12: in the app the register's connection and the services live in a utility process (the
 * service host, dist/serviceHost.mjs); Electron's main only forwards IPC calls. The real built main
 * and host run here under the stand-in `electron`, whose `utilityProcess.fork` starts the host as a
 * real child process (fakeElectron.ts). `npm test` builds first.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_DIED_IN_CALL, HOST_NOT_RUNNING } from '../../src/main/electron/serviceHostClient';
import { IPC_CALL } from '../../src/shared/api/bridge';
import type { JobInfo } from '../../src/shared/jobs';
import { closeShell, resetShell, shell, startShell, until } from '../helpers/fakeElectron';
import { sampleRequest } from '../helpers/tempDb';

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule());

const fromPage = { senderFrame: { url: 'file:///app/index.html' } };
type Answer = { ok: boolean; value?: any; error?: { kind: string; message: string; fields?: unknown[] } };
const ipc = (method: string, input?: unknown) => shell.ipc.get(IPC_CALL)!(fromPage, method, input) as Promise<Answer>;
async function call<T = any>(method: string, input?: unknown): Promise<T> {
  const r = await ipc(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error!.message}`);
  return r.value as T;
}
const registerFile = () => join(shell.userData, 'register.sqlite');
/** The register as a reader sees it, through a connection of the test's own (WAL). */
function readRegister<T>(sql: string, ...args: unknown[]): T {
  const db = new Database(registerFile(), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...args) as T;
  } finally {
    db.close();
  }
}

/** A journal of `n` rows numbered from `from`, all in 2026. */
function bigCsv(n: number, from: number): string {
  const lines = ['Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту;Результат розгляду;Дата відповіді'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 10)).padStart(2, '0');
    lines.push(`З-${from + i};${day}.${month}.2026;Особа ${i};вул. Садова, ${i};Запит ${i};надано відповідь;${day}.${month}.2026`);
  }
  const file = join(shell.userData, 'big.csv');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

async function waitJob(id: string, until: (j: JobInfo) => boolean, what: string): Promise<JobInfo> {
  for (let i = 0; ; i++) {
    const [j] = await call<JobInfo[]>('jobs:status', { id });
    if (until(j!)) return j!;
    if (j!.state !== 'running') throw new Error(`job ended (${j!.state}: ${j!.error?.message ?? ''}) before ${what}`);
    if (i > 120_000) throw new Error(`never ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
const writing = (j: JobInfo) => j.progress?.phase === 'writing' && j.progress.done > 0;

const hostChild = (n = 0) => shell.utilityProcesses![n]!.child;
const visitor = (name: string) => sampleRequest({ requesterName: name, receivedAt: '2026-11-23T10:00:00+02:00' });

beforeEach(resetShell);
afterEach(closeShell);

describe('the service host (utility process) behind the window', () => {
  it('owns the register: a registration through the forwarded IPC commits there, errors keep their shape', async () => {
    await startShell();
    expect(shell.errorBoxes).toEqual([]);
    expect(shell.utilityProcesses).toHaveLength(1);
    const started = shell.utilityProcesses![0]!;
    expect(started.modulePath).toMatch(/dist[/\\]serviceHost\.mjs$/);
    expect(started.options).toMatchObject({ serviceName: expect.stringMatching(/служба реєстру/) });
    expect(hostChild().pid).not.toBe(process.pid);

    const made = await call<{ index: string }>('requests:register', visitor('Перша Особа'));
    expect(made.index).toBe('З-1');
    expect(readRegister<string>('SELECT requester_name FROM requests WHERE incoming_index = ?', 'З-1')).toBe('Перша Особа');
    expect(await call('requests:get', { index: 'З-1' })).toMatchObject({ index: 'З-1', requesterName: 'Перша Особа' });
    // The renderer's messages come through unchanged: kind, Ukrainian text, the fields.
    const bad = await ipc('requests:register', { ...visitor('Без змісту'), receivedAt: 'вчора' });
    expect(bad.ok).toBe(false);
    expect(bad.error!.kind).toBe('invalid_input');
    expect(bad.error!.message).toMatch(/[а-яіїєґ]/i);
    expect(await ipc('no:such', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Невідомий метод/) } });
    // The chain key was made for the new register and kept by main (no keychain here: the file beside it).
    await closeShell();
    expect(readRegister<number>('SELECT count(*) FROM events WHERE mac IS NOT NULL')).toBeGreaterThan(0);
    await startShell();
    expect(await call('requests:get', { index: 'З-1' })).toMatchObject({ requesterName: 'Перша Особа' });
    expect(await call('app:info')).toMatchObject({ dbPath: registerFile() });
  }, 300_000);

  it('answers a card read while an import writes, and «Скасувати» reaches the import in its write phase', async () => {
    await startShell();
    for (const name of ['Особа Один', 'Особа Два', 'Особа Три']) await call('requests:register', visitor(name));
    const before = readRegister<number>('SELECT count(*) FROM requests');
    const job = await call<JobInfo>('import:run', { file: bigCsv(50_000, 4) });
    await waitJob(job.id, writing, 'writing');
    // The host's thread is free while the job's worker holds the write: the read is answered at once.
    expect(await call('requests:get', { index: 'З-2' })).toMatchObject({ index: 'З-2', requesterName: 'Особа Два' });
    const [still] = await call<JobInfo[]>('jobs:status', { id: job.id });
    expect(still).toMatchObject({ state: 'running', progress: { phase: 'writing' } });
    await call('jobs:cancel', { id: job.id });
    const end = await waitJob(job.id, (j) => j.state !== 'running', 'finished');
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toMatch(/скасовано/);
    expect(readRegister<number>('SELECT count(*) FROM requests')).toBe(before);
    expect((await call<{ index: string }>('requests:register', visitor('Особа Чотири'))).index).toBe('З-4');
  }, 600_000);

  it('a host killed while a registration waits on an import is reported, not taken for done; main offers a restart and the desk goes on', async () => {
    await startShell();
    await call('requests:register', visitor('До збою'));
    const job = await call<JobInfo>('import:run', { file: bigCsv(50_000, 2) });
    await waitJob(job.id, writing, 'writing');
    // The registration waits in the host for the import's write to end…
    const inFlight = ipc('requests:register', visitor('Відвідувач під час збою'));
    // …which the host has received once a later call is answered (it reads its messages in order).
    await call('requests:get', { index: 'З-1' });
    hostChild(0).kill('SIGKILL');
    const answer = await inFlight;
    expect(answer).toEqual({ ok: false, error: { kind: 'io', message: HOST_DIED_IN_CALL } });

    // Main says so in a message box (its first button restarts the host, as the stand-in answers).
    await until(() => (shell.messageBoxes?.length ?? 0) > 0, 'a message box');
    expect(shell.messageBoxes![0]).toMatchObject({ title: 'Службу реєстру зупинено', buttons: ['Перезапустити службу', 'Закрити програму'] });
    await until(() => shell.utilityProcesses!.length === 2, 'a restarted host');
    // Until the new host has opened the register, calls are refused in words (then it answers).
    let info: Answer = await ipc('app:info');
    for (let i = 0; !info.ok && info.error!.message === HOST_NOT_RUNNING && i < 600_000; i++) {
      await new Promise((r) => setTimeout(r, 5));
      info = await ipc('app:info');
    }
    expect(info.ok, info.error?.message).toBe(true);

    // Neither the import nor the registration in flight committed; what was before is there.
    expect(readRegister<number>('SELECT count(*) FROM requests')).toBe(1);
    expect(readRegister<number>("SELECT count(*) FROM requests WHERE requester_name = 'Відвідувач під час збою'")).toBe(0);
    expect(await call('requests:get', { index: 'З-1' })).toMatchObject({ requesterName: 'До збою' });
    // The desk numbers on from where it was: no number skipped, none given twice.
    expect((await call<{ index: string }>('requests:register', visitor('Після збою'))).index).toBe('З-2');
    expect(shell.windows).toHaveLength(1);
    expect(shell.errorBoxes).toEqual([]);
  }, 600_000);

  it('a host that dies while idle: calls are refused in words, and «Закрити програму» quits', async () => {
    shell.messageBoxResponse = 1;
    await startShell();
    await call('requests:register', visitor('Збережена'));
    hostChild(0).kill('SIGKILL');
    await until(() => (shell.messageBoxes?.length ?? 0) > 0, 'a message box');
    expect(await ipc('requests:register', visitor('Не прийнята'))).toEqual({ ok: false, error: { kind: 'io', message: HOST_NOT_RUNNING } });
    await until(() => shell.quits > 0, 'the app quitting');
    expect(shell.utilityProcesses).toHaveLength(1);
    expect(readRegister<number>('SELECT count(*) FROM requests')).toBe(1);
  }, 300_000);

  it('with a keychain, main seals what the host makes: a new register\'s key and the server password, both there after a restart', async () => {
    shell.keychain = true;
    await startShell();
    expect(shell.errorBoxes).toEqual([]);
    // The key the host made was sealed by main before the host sealed anything with it; no plain copy.
    const sealed = `${registerFile()}.key.sealed`;
    expect(readFileSync(sealed, 'utf8')).toMatch(/^sealed:/);
    expect(existsSync(`${registerFile()}.key`)).toBe(false);
    await call('requests:register', visitor('З ключем у сховищі'));
    const config = { host: '127.0.0.1', port: 1, database: 'registry', user: 'clerk', sslmode: 'disable' as const, desk: 'Приймальня' };
    await call('sync:setServer', { config, password: 'таємний-пароль' });
    const passwordFile = join(shell.userData, 'server-password.bin');
    await until(() => existsSync(passwordFile), 'the password sealed by main');
    expect(readFileSync(passwordFile, 'utf8')).toMatch(/^sealed:/);
    expect(readFileSync(passwordFile, 'utf8')).not.toContain('таємний');
    await closeShell();

    await startShell();
    expect(shell.errorBoxes).toEqual([]);
    expect(await call('requests:get', { index: 'З-1' })).toMatchObject({ requesterName: 'З ключем у сховищі' });
    expect(await call('sync:getServer')).toMatchObject({ config: { host: '127.0.0.1', desk: 'Приймальня' }, hasPassword: true });
  }, 300_000);
});
