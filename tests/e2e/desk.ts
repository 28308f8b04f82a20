/**
 * A desk for one test file: a fresh SQLite register in a temp folder, the web shell on a port the
 * OS picks (`--port 0`; the shell prints its URL), and a fixed clock so deadlines are known.
 * The CLI seeds data the UI cannot make, e.g. a request received weeks ago.
 */
import { test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Monday 23 November 2026, 10:00 in Kyiv: under martial law, so holidays are working days. */
export const NOW = '2026-11-23T10:00:00+02:00';

export interface Desk {
  url: string;
  db: string;
  /** Runs the CLI against this desk's register and returns its parsed `--json` output. */
  cli: (args: string[], stdin?: unknown) => unknown;
  stop: () => Promise<void>;
}

/**
 * `extra`: more web-shell options, e.g. `--server URL` for a desk of the shared register.
 * `seed`: fills the register file before the shell opens it (e.g. thousands of requests).
 */
export async function startDesk(now = NOW, extra: string[] = [], seed?: (db: string) => void): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-desk-e2e-'));
  const db = join(dir, 'register.sqlite');
  seed?.(db);
  const child: ChildProcess = spawn(process.execPath, ['dist/web.mjs', '--db', db, '--port', '0', '--now', now, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((ok, fail) => {
    // Generous: on a busy 2-core CI machine a cold start can take a while.
    const timer = setTimeout(() => fail(new Error(`web shell did not start in 60 s:\n${log}`)), 60_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`web shell exited (${code}) before it started:\n${log}`));
    });
  });
  const cli = (args: string[], stdin?: unknown) => {
    const r = spawnSync(process.execPath, ['bin/registry-desk.mjs', ...args, '--db', db, '--json'], {
      cwd: ROOT,
      // The same frozen clock as the shell, so seeded histories read as if typed at the desk.
      env: { ...process.env, REGISTRY_DESK_NOW: now },
      input: stdin === undefined ? undefined : JSON.stringify(stdin),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`registry-desk ${args.join(' ')} → ${r.status}\n${r.stderr}`);
    return JSON.parse(r.stdout) as unknown;
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, db, cli, stop };
}

/** Registers beforeAll/afterAll in the calling file: one desk for the file, stopped at its end. */
export function deskForThisFile(now = NOW): () => Desk {
  let desk: Desk | undefined;
  test.beforeAll(async () => {
    desk = await startDesk(now);
  });
  test.afterAll(async () => {
    await desk?.stop();
  });
  return () => {
    if (!desk) throw new Error('the desk has not started');
    return desk;
  };
}

/** Opens the app with the browser's clock on the desk's fixed "now", so the form's default time agrees with the register. */
export async function openApp(page: Page, desk: Desk, hash = '', now = NOW): Promise<void> {
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${desk.url}/${hash}`);
  // `goto` returns at the load event, before React has mounted: an Alt+2 pressed then was lost (seen
  // once on a busy CI machine). Wait until the app's section keys are live.
  await page.locator('html[data-keys="on"]').waitFor({ state: 'attached' });
}
