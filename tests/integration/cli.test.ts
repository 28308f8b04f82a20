import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('registry-desk CLI contract', () => {
  const db = join(dir, 'cli.sqlite');
  const req = sampleRequest({ receivedAt: '2026-01-13T10:00:00+02:00' });

  it('due: 5 working days, 48 hours, 20 days, per calendar', async () => {
    expect((await cli(['due', '--received', '2026-01-13T10:00:00+02:00', '--calendar', 'martial', '--json'])).json()).toEqual({ dueDate: '2026-01-20' });
    expect((await cli(['due', '--received', '2026-01-13T10:00:00+02:00', '--urgent', '--json'])).json()).toEqual({
      dueDate: '2026-01-15',
      dueAt: '2026-01-15T10:00:00+02:00',
    });
    expect((await cli(['due', '--received', '2026-01-13T10:00:00+02:00', '--extended', '--json'])).json()).toEqual({ dueDate: '2026-02-10' });
    // Peacetime: 8 March 2021 (Monday) is a holiday, so a Friday 5 March request is due on Mon 15 March.
    expect((await cli(['due', '--received', '2021-03-05T10:00:00+02:00', '--calendar', 'peacetime', '--json'])).json()).toEqual({ dueDate: '2021-03-15' });
    const bad = await cli(['due', '--received', '2026-02-30T10:00:00+02:00', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/існуючим/);
  });

  it('register → show → act → list, each printing exactly one JSON value', async () => {
    const r = await cli(['register', '--db', db, '--input', '-', '--json'], JSON.stringify(req));
    expect(r.code).toBe(0);
    const reg = r.json();
    expect(Object.keys(reg).sort()).toEqual(['complete', 'dueDate', 'id', 'index', 'missing', 'receivedAt', 'status'].sort());
    expect(reg).toMatchObject({ index: 'З-1', dueDate: '2026-01-20', status: 'registered', complete: true, missing: [] });

    const file = join(dir, 'assign.json');
    writeFileSync(file, JSON.stringify({ executor: 'Бондар Н. В.' }));
    const a = await cli(['act', '--db', db, '--index', 'З-1', '--action', 'assign', '--input', file, '--json']);
    expect(a.code).toBe(0);
    expect(a.json()).toMatchObject({ index: 'З-1', status: 'in_progress' });

    const s = (await cli(['show', '--db', db, '--index', 'З-1', '--json'])).json();
    expect(s.events.map((e: { type: string }) => e.type)).toEqual(['registered', 'assigned']);
    expect(s.dueDate).toBe('2026-01-20');

    // Extending long after the 5-day notice limit: a script is not asked, but told on stderr, and the event keeps it.
    const late = await cli(['act', '--db', db, '--index', 'З-1', '--action', 'extend', '--input', '-', '--json'], JSON.stringify({ reason: 'Великий обсяг' }));
    expect(late.code).toBe(0);
    expect(late.err).toMatch(/^Попередження: Строк письмового повідомлення про продовження строку минув 20\.01\.2026/);
    expect(late.json().state).toMatchObject({ extensionLate: true, warnings: [{ code: 'extension_notice_late' }] });

    const l = (await cli(['list', '--db', db, '--search', 'протоколу', '--json'])).json();
    expect(l).toHaveLength(1);
    expect((await cli(['list', '--db', db, '--month', '2026-02', '--json'])).json()).toEqual([]);
  });

  it('bad input exits 2 with a message on stderr and writes nothing', async () => {
    const before = (await cli(['list', '--db', db, '--json'])).json().length;
    const cases: [string[], string][] = [
      [['register', '--db', db, '--input', '-', '--json'], '{oops'],
      [['register', '--db', db, '--input', '-', '--json'], JSON.stringify({ ...req, channel: 'pigeon' })],
      [['register', '--db', db, '--json'], ''],
      [['act', '--db', db, '--index', 'З-1', '--action', 'fly', '--json'], ''],
      [['act', '--db', db, '--index', 'З-404', '--action', 'note', '--input', '-', '--json'], '{"text":"x"}'],
      [['act', '--db', db, '--index', 'З-1', '--action', 'payment_received', '--input', '-', '--json'], '{"date":"2026-01-14"}'],
      [['list', '--db', db, '--bogus'], ''],
      [['fly'], ''],
    ];
    for (const [args, stdin] of cases) {
      const r = await cli(args, stdin);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().length).toBeGreaterThan(0);
    }
    expect((await cli(['list', '--db', db, '--json'])).json()).toHaveLength(before);
  });

  it('a register file that is not SQLite is a failure (exit 1), not a crash', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database'.repeat(100));
    const r = await cli(['list', '--db', junk, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/пошкоджено|не вдалося/i);
  });

  it('the installed bin runs the same CLI (npm test builds it first)', () => {
    const bin = join(process.cwd(), 'node_modules', '.bin', 'registry-desk');
    expect(existsSync(bin)).toBe(true);
    const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
    expect(help).toMatch(/register --db F --input FILE\|-/);
    const r = spawnSync(bin, ['register', '--db', db, '--input', '-', '--json'], { input: '{oops', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
