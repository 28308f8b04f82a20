/** Every error has its kind (issue 8, finding 10): codes not messages, dates in range, HTTP 400/413, EPIPE, bad flags. */
import { spawn, spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, toErrorData } from '../../src/main/api/handlers';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { startWebShell } from '../../src/main/web/server';
import { cli } from '../helpers/cli';
import { openTempDb, sampleRequest, tempDir, type TempDb } from '../helpers/tempDb';

let t: TempDb;
let server: Server;
let url: string;
beforeAll(async () => {
  t = openTempDb();
  ({ server, url } = await startWebShell({ db: t.db, port: 0, rendererDir: tempDir('rd-renderer-') }));
});
afterAll(() => {
  server.close();
  t.close();
});
const root = join(__dirname, '..', '..');

describe('errors by kind', () => {
  it('a full disk is «Диск заповнено», told by SQLITE_FULL, and nothing is half-written', () => {
    registerRequest(t.db, sampleRequest());
    const pages = t.db.sqlite.pragma('page_count', { simple: true }) as number;
    const before = t.db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get();
    // The file may not grow: the next write meets exactly what a full disk gives SQLite.
    t.db.sqlite.pragma(`max_page_count = ${pages}`);
    const big = { ...sampleRequest(), description: 'x'.repeat(4000) };
    let r: ReturnType<typeof dispatch> = { ok: true, value: null };
    for (let i = 0; i < 50 && (r as { ok: boolean }).ok; i++) r = dispatch(createHandlers(t.db), 'requests:register', big);
    t.db.sqlite.pragma('max_page_count = 1073741823');
    expect(r).toMatchObject({ ok: false, error: { kind: 'io', message: expect.stringMatching(/^Диск заповнено/) } });
    const after = t.db.sqlite.prepare('SELECT count(*) FROM requests').pluck().get() as number;
    expect(after).toBeGreaterThanOrEqual(before as number);
    expect(t.db.sqlite.prepare('SELECT count(*) FROM requests WHERE id NOT IN (SELECT request_id FROM events)').pluck().get()).toBe(0);
    expect(toErrorData(Object.assign(new Error('anything'), { code: 'SQLITE_IOERR_WRITE' }))).toMatchObject({ kind: 'io' });
    expect(toErrorData(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' })).message).toMatch(/зайнятий/);
  });

  it('dates outside 1991–2100 are bad input (exit 2), not internal errors', async () => {
    for (const when of ['0000-01-01T10:00:00+02:00', '1900-01-01T10:00:00+02:00', '9999-12-31T10:00:00+02:00']) {
      const r = await cli(['register', '--db', join(t.dir, 'dates.sqlite'), '--input', '-', '--json'], JSON.stringify(sampleRequest({ receivedAt: when })));
      expect({ when, code: r.code }).toEqual({ when, code: 2 });
      expect(r.err).toMatch(/Рік має бути від 1991 до 2100/);
      const d = await cli(['due', '--received', when, '--json']);
      expect({ when, code: d.code }).toEqual({ when, code: 2 });
    }
  });

  it('backup --out a folder exits 2 with a sentence, not a raw EISDIR', async () => {
    const folder = join(t.dir, 'folder');
    mkdirSync(folder);
    const r = await cli(['backup', '--db', join(t.dir, 'dates.sqlite'), '--out', folder]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/це папка/);
    expect(r.err).not.toMatch(/EISDIR/);
  });

  it('HTTP: a malformed %-escape is 400, a body over 2 MB is 413 (answered, not reset)', async () => {
    expect((await fetch(`${url}/api/requests:%E0%A4%A`, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await fetch(`${url}/%E0%A4%A`)).status).toBe(400);
    const big = await fetch(`${url}/api/requests:register`, { method: 'POST', body: JSON.stringify({ description: 'x'.repeat(3 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/2 МБ/) } });
  });

  it('`| head` (EPIPE) and bad flags end without a stack trace', async () => {
    const db = join(t.dir, 'pipe.sqlite');
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    const d = openDb(db, { now: () => new Date('2026-11-23T12:00:00+02:00') });
    for (let i = 0; i < 400; i++) registerRequest(d, sampleRequest());
    d.sqlite.close();
    // The reader closes after the first bytes: the CLI must not print a trace.
    const child = spawn('sh', ['-c', `node --import tsx src/main/cli/entry.ts list --db '${db}' --json | head -c 10 > /dev/null; echo "status=\${PIPESTATUS:-done}"`], { cwd: root });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise((ok) => child.once('exit', ok));
    expect(err).not.toMatch(/EPIPE|at .*\.js:\d+/);
    const flags = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/web/entry.ts', '--port', 'abc'], { cwd: root, encoding: 'utf8' });
    expect(flags.status).toBe(2);
    expect(flags.stderr).toMatch(/--port має бути числом/);
    expect(flags.stderr).not.toMatch(/    at /);
    const unknown = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/web/entry.ts', '--nope'], { cwd: root, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toMatch(/    at /);
  }, 60_000);
});
