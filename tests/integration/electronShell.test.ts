/**
 * The Electron shell under plain Node: the real built main module (what `package.json` `main` names)
 * runs against a stand-in `electron` module that records what the shell asks of it. `npm test` builds first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL } from '../../src/shared/api/bridge';
import { API_METHODS } from '../../src/shared/api/contract';
import { closeShell, mainModule, packageJson, resetShell, shell, startShell } from '../helpers/fakeElectron';

vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electronModule());

const fromPage = { senderFrame: { url: 'file:///app/index.html' } };

beforeEach(resetShell);
afterEach(closeShell);

describe('the Electron shell (built main module, stand-in electron)', () => {
  it('package.json main names the file the build writes', () => {
    expect(packageJson.main).toMatch(/^dist\/electron\//);
    expect(existsSync(mainModule)).toBe(true);
  });

  it('opens one locked-down window with the preload and the renderer the build wrote', async () => {
    await startShell();
    expect(shell.errorBoxes).toEqual([]);
    expect(shell.windows).toHaveLength(1);
    const win = shell.windows[0]!;
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(readFileSync(String(prefs.preload), 'utf8')).toContain('exposeInMainWorld');
    expect(win.loaded).toMatch(/index\.html$/);
    expect(existsSync(win.loaded!)).toBe(true);
    expect(existsSync(join(shell.userData, 'register.sqlite'))).toBe(true);
    // Chromium's own words in Ukrainian whatever the system's language: a switch works only before ready.
    expect(shell.switches).toContainEqual({ name: 'lang', value: 'uk', beforeReady: true });
  });

  it('reaches every method of the API contract through the IPC handler, and only from its own page', async () => {
    await startShell();
    const handler = shell.ipc.get(IPC_CALL);
    expect(handler).toBeTypeOf('function');
    for (const method of API_METHODS) {
      const result = (await handler!(fromPage, method, {})) as { ok: boolean; error?: { kind: string; message: string } };
      // Either it ran, or it refused this empty input for itself: never an unknown method or a crash.
      if (!result.ok) {
        expect(result.error!.message, method).not.toMatch(/Невідомий метод/);
        expect(result.error!.kind, `${method}: ${result.error!.message}`).not.toBe('internal');
      }
    }
    const settings = (await handler!(fromPage, 'settings:get', undefined)) as { ok: boolean; value: { council: unknown } };
    expect(settings.ok).toBe(true);
    expect(settings.value.council).toBeTruthy();
    const unknown = (await handler!(fromPage, 'no:such', {})) as { ok: boolean; error: { message: string } };
    expect(unknown.error.message).toMatch(/Невідомий метод/);
    const foreign = await handler!({ senderFrame: { url: 'https://example.org/' } }, 'settings:get', undefined);
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
  });

  it('a register that cannot be opened gives a Ukrainian dialog and quits, with no window', async () => {
    writeFileSync(join(shell.userData, 'register.sqlite'), 'це не база даних, а текст'.repeat(200));
    await startShell();
    expect(shell.windows).toHaveLength(0);
    expect(shell.errorBoxes).toHaveLength(1);
    expect(shell.errorBoxes[0]!.title).toBe('Файл реєстру пошкоджено');
    expect(shell.errorBoxes[0]!.message).toMatch(/Що робити: відновіть реєстр з останньої резервної копії/);
    expect(shell.exitCode).toBe(1);
  });

  it('a second start hands over to the first: it quits, and the first window comes to the front', async () => {
    await startShell();
    const secondInstance = shell.appEvents.get('second-instance');
    expect(secondInstance).toBeTypeOf('function');
    secondInstance!();
    expect(shell.windows[0]!.focused).toBe(true);
    await closeShell();

    resetShell();
    shell.singleInstance = false;
    await startShell();
    expect(shell.quits).toBe(1);
    expect(shell.ready).toBeNull();
    expect(shell.windows).toHaveLength(0);
  });
});
