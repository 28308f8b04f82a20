/**
 * The Electron side of long jobs, smoke-tested with the stand-in electron module: the built main
 * process (dist/electron/main.mjs) forwards the call to the service host (dist/serviceHost.mjs), which
 * starts the job worker beside it (dist/jobWorker.mjs) with its own connection, and an import
 * reached through IPC runs there to the end. `npm test` builds first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IPC_CALL } from '../../src/shared/api/bridge';
import type { JobInfo } from '../../src/shared/jobs';
import { closeShell, resetShell, shell, startShell } from '../helpers/fakeElectron';

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule());

const fromPage = { senderFrame: { url: 'file:///app/index.html' } };

beforeEach(resetShell);
afterEach(closeShell);

it('an import through IPC runs in the job worker and lands in the register the window reads', async () => {
  await startShell();
  const call = async (method: string, input?: unknown) => {
    const r = (await shell.ipc.get(IPC_CALL)!(fromPage, method, input)) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error!.message}`);
    return r.value;
  };
  const file = join(shell.userData, 'old.csv');
  writeFileSync(file, ['Вхідний індекс;Дата надходження;Запитувач;Адреса, контакти;Зміст запиту', '5;02.10.2025;Особа А;вул. Садова, 1;Запит А', '6;03.10.2025;Особа Б;вул. Садова, 2;Запит Б'].join('\r\n'));
  const job = (await call('import:run', { file })) as JobInfo;
  expect(job.state).toBe('running');
  let info = job;
  for (let i = 0; info.state === 'running' && i < 30_000; i++) {
    await new Promise((r) => setTimeout(r, 10));
    info = ((await call('jobs:status', { id: job.id })) as JobInfo[])[0]!;
  }
  expect(info).toMatchObject({ state: 'done', result: { imported: 2, open: 2 } });
  const list = (await call('requests:list', { search: 'Садова' })) as { items?: unknown[] } | unknown[];
  expect(JSON.stringify(list)).toContain('Особа Б');
}, 120_000);
