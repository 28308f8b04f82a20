/**
 * Issue 8: the app's API reaches, beyond the register's folder, only folders the person chose in
 * the system's folder dialog — not Documents/Downloads/Desktop wholesale. The built Electron main
 * under the stand-in `electron` (the binary cannot run here), with real files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL } from '../../src/shared/api/bridge';
import { closeShell, resetShell, shell, startShell } from '../helpers/fakeElectron';
import { tempDir } from '../helpers/tempDb';

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule());

const fromPage = { senderFrame: { url: 'file:///app/index.html' } };
const call = (method: string, input?: unknown) => shell.ipc.get(IPC_CALL)!(fromPage, method, input) as Promise<{ ok: boolean; value?: any; error?: { kind: string; message: string } }>;

afterEach(async () => closeShell());

describe('granted folders (app)', () => {
  it('a folder is usable only after the person picks it in the dialog, and stays granted after a restart', async () => {
    resetShell();
    const chosen = tempDir('rd-chosen-');
    const out = join(chosen, 'journal.csv');
    await startShell();
    expect(await call('journal:export', { month: '2026-11', format: 'csv', out })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    // Cancelled: nothing granted.
    expect(await call('files:chooseFolder')).toMatchObject({ ok: true, value: { folder: null } });
    expect(await call('journal:export', { month: '2026-11', format: 'csv', out })).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    shell.openDialog = { canceled: false, filePaths: [chosen] };
    expect(await call('files:chooseFolder')).toMatchObject({ ok: true, value: { folder: chosen } });
    expect(shell.dialogsShown!.at(-1)).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
    const job = await call('journal:export', { month: '2026-11', format: 'csv', out });
    expect(job.ok, job.error?.message).toBe(true);
    await expect.poll(() => existsSync(out), { timeout: 30_000 }).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Вхідний індекс');
    await closeShell();

    // Restarted: the choice holds without asking again; the list is the app's, beside its register.
    await startShell();
    expect(JSON.parse(readFileSync(join(shell.userData, 'granted-folders.json'), 'utf8'))).toEqual([chosen]);
    const again = await call('journal:export', { month: '2026-11', format: 'csv', out: join(chosen, 'again.csv') });
    expect(again.ok, again.error?.message).toBe(true);
  });
});
