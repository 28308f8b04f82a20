/**
 * The tamper suite (issue 8, finding 6): each forgery is made the way someone with the file and
 * the sqlite3 shell would make it — a plain connection, foreign keys off, guards dropped where
 * they are in the way — and `verify` must find it. Restore's check must refuse forged backups.
 */
import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { actOnRequest } from '../../src/main/services/actions';
import { backupRegister, restoreRegister } from '../../src/main/services/backup';
import { eventHash, rowToEvent } from '../../src/main/services/eventLog';
import { refreshProjection } from '../../src/main/services/projection';
import { registerRequest } from '../../src/main/services/registration';
import { GUARD_TRIGGERS, verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { sampleRequest, tempDir } from '../helpers/tempDb';

const dir = tempDir('rd-tamper-');
const tally = { tried: 0, detected: 0 };
afterAll(() => {
  console.log(`tamper suite: ${tally.tried} forgeries tried, ${tally.detected} detected`);
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh register with three requests and a few actions, as a desk would have it. */
function register(): string {
  const file = join(dir, `r${n++}`, 'desk.sqlite');
  const db = openDb(file, { now: () => new Date('2026-11-23T12:00:00+02:00'), user: 'clerk' });
  registerRequest(db, sampleRequest());
  registerRequest(db, sampleRequest({ requesterName: 'Іваненко Іван', description: 'Рішення про бюджет' }));
  registerRequest(db, sampleRequest({ requesterName: 'Сидоренко Сидір', description: 'Генплан' }));
  actOnRequest(db, { index: 'З-1', action: 'assign', input: { executor: 'Коваль О. М.' } });
  actOnRequest(db, { index: 'З-2', action: 'note', input: { text: 'Зателефонував' } });
  expect(verifyRegister(db).findings).toEqual([]);
  db.sqlite.close();
  return file;
}

/** The forger's tool: a plain connection, as the sqlite3 shell gives (foreign keys off). */
function forge(file: string, f: (raw: Database.Database) => void): void {
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  try {
    f(raw);
  } finally {
    raw.close();
  }
}

function findings(file: string): string[] {
  const db = openDb(file);
  try {
    return verifyRegister(db).findings;
  } finally {
    db.sqlite.close();
  }
}

function expectDetected(file: string, pattern: RegExp): void {
  tally.tried++;
  const f = findings(file);
  expect(f.join('\n')).toMatch(pattern);
  tally.detected++;
}

/** Rewrites the plain hash chain over whatever rows remain, as a forger without the key can. */
function recomputeChain(raw: Database.Database): void {
  // Close the hole in the positions first, so that no position is missing either.
  const positions = raw.prepare('SELECT pos FROM events ORDER BY pos').pluck().all() as number[];
  const move = raw.prepare('UPDATE events SET pos = ? WHERE pos = ?');
  positions.forEach((p, i) => p !== i + 1 && move.run(i + 1, p));
  let prev = '';
  const rows = raw.prepare('SELECT * FROM events ORDER BY pos').all() as Parameters<typeof rowToEvent>[0][];
  const set = raw.prepare('UPDATE events SET hash = ? WHERE pos = ?');
  for (const r of rows) {
    const h = eventHash(prev, rowToEvent(r));
    set.run(h, r.pos);
    prev = h;
  }
  raw.prepare("UPDATE sqlite_sequence SET seq = (SELECT max(pos) FROM events) WHERE name = 'events'").run();
}

/** Drops every guard; returns how to put them back as they were (a careful forger does). */
const dropAllGuards = (raw: Database.Database): (() => void) => {
  const sqls = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  for (const t of GUARD_TRIGGERS) raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
  return () => sqls.forEach((q) => raw.exec(q));
};

describe('verify finds each forgery', () => {
  it('a forged requester name in requests', () => {
    const f = register();
    forge(f, (raw) => raw.exec("UPDATE requests SET requester_name = 'Підставна Особа' WHERE incoming_index = 'З-2'"));
    expectDetected(f, /Дані реєстрації запиту З-2 \(2026\) не відповідають журналу подій: requesterName/);
  });

  it('a forged received date, description and address', () => {
    for (const [col, value] of [['received_at', '2026-11-20T10:00:00+02:00'], ['description', 'Інше'], ['postal_address', 'деінде']] as const) {
      const f = register();
      forge(f, (raw) => {
        dropAllGuards(raw);
        raw.prepare(`UPDATE requests SET ${col} = ? WHERE incoming_index = 'З-3'`).run(value);
      });
      expectDetected(f, /Дані реєстрації запиту З-3/);
    }
  });

  it('a forged duplicate index (unique index and guards dropped)', () => {
    const f = register();
    forge(f, (raw) => {
      dropAllGuards(raw);
      raw.exec('DROP INDEX requests_journal_id_year_index');
      raw.exec("UPDATE requests SET incoming_index = 'З-1' WHERE incoming_index = 'З-2'");
    });
    expectDetected(f, /Номер З-1 \(2026\) видано 2 рази/);
  });

  it('a deleted registration leaving its events orphaned', () => {
    const f = register();
    forge(f, (raw) => {
      raw.exec('DROP TRIGGER requests_never_deleted');
      raw.exec("DELETE FROM requests WHERE incoming_index = 'З-2'");
    });
    expectDetected(f, /Події без запиту/);
  });

  it('a request whose registration event is gone (log rewritten without it)', () => {
    const f = register();
    forge(f, (raw) => {
      dropAllGuards(raw);
      raw.exec("DELETE FROM events WHERE type = 'registered' AND request_id = (SELECT id FROM requests WHERE incoming_index = 'З-3')");
      recomputeChain(raw);
    });
    expectDetected(f, /Запит З-3 \(2026\) не має події реєстрації/);
  });

  it('a counter moved ahead: a silent gap of 490', () => {
    const f = register();
    forge(f, (raw) => raw.exec('UPDATE counters SET last = last + 490'));
    expectDetected(f, /забіг наперед.*пропуск 490/);
  });

  it('a counter set back (guard dropped)', () => {
    const f = register();
    forge(f, (raw) => raw.exec('DROP TRIGGER counters_only_grow; UPDATE counters SET last = 1'));
    expectDetected(f, /відстає/);
  });

  for (const trigger of GUARD_TRIGGERS)
    it(`a dropped guard trigger: ${trigger}`, () => {
      const f = register();
      forge(f, (raw) => raw.exec(`DROP TRIGGER ${trigger}`));
      expectDetected(f, new RegExp(`Вилучено захисний тригер ${trigger}`));
    });

  it('an event removed and the plain hash chain recomputed, the projection refolded to match', () => {
    const f = register();
    forge(f, (raw) => {
      const putBack = dropAllGuards(raw);
      raw.exec("DELETE FROM events WHERE type = 'assigned'");
      recomputeChain(raw);
      putBack();
    });
    // Refold the projection so that only the seals can tell (the forger has the app's code).
    const db = openDb(f);
    try {
      for (const id of db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[]) refreshProjection(db, id);
      const v = verifyRegister(db).findings.join('\n');
      expect(v).not.toMatch(/Журнал подій змінено|вилучено|Стан запиту/);
    } finally {
      db.sqlite.close();
    }
    expectDetected(f, /Печатка журналу подій не збігається/);
  });

  it('an edited event payload', () => {
    const f = register();
    forge(f, (raw) => {
      dropAllGuards(raw);
      raw.exec(`UPDATE events SET payload = json_set(payload, '$.executor', 'Хтось інший') WHERE type = 'assigned'`);
      recomputeChain(raw);
    });
    expectDetected(f, /Печатка журналу подій не збігається|Стан запиту З-1/);
  });

  it('a forged projection (status changed in requests)', () => {
    const f = register();
    forge(f, (raw) => raw.exec("UPDATE requests SET status = 'answered', due_date = '2027-01-01' WHERE incoming_index = 'З-3'"));
    expectDetected(f, /Стан запиту З-3 \(2026\) не відповідає/);
  });

  it('the register key swapped for a new one', () => {
    const f = register();
    writeFileSync(`${f}.key`, `${'ab'.repeat(32)}\n`);
    expectDetected(f, /Печатка журналу подій не збігається/);
  });

  it('a forged checkpoint', () => {
    const file = join(dir, 'cp', 'desk.sqlite');
    const db = openDb(file, { now: () => new Date('2026-11-23T12:00:00+02:00') });
    for (let i = 0; i < 100; i++) registerRequest(db, sampleRequest({ requesterName: `Особа ${i}` }));
    expect(db.sqlite.prepare('SELECT count(*) FROM checkpoints').pluck().get()).toBe(1);
    db.sqlite.close();
    forge(file, (raw) => raw.exec("DROP TRIGGER checkpoints_append_only_update; UPDATE checkpoints SET hash = 'x'; CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE OF pos, hash, mac, at ON checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;"));
    expectDetected(file, /Контрольну точку журналу на позиції 100 підроблено/);
  });

  it('the CLI says so: verify exits 1 with the findings, not «Реєстр у порядку»', async () => {
    const f = register();
    forge(f, (raw) => raw.exec('UPDATE counters SET last = last + 490'));
    const r = await cli(['verify', '--db', f]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/у порядку/);
    expect(r.err).toMatch(/пропуск 490/);
  });
});

describe('restore refuses forged or foreign backups and keeps the register', () => {
  async function withBackup(): Promise<{ file: string; copy: string; before: Buffer }> {
    const file = register();
    const copy = join(file, '..', 'copy.sqlite');
    const db = openDb(file);
    await backupRegister(db, copy);
    db.sqlite.close();
    return { file, copy, before: readFileSync(file) };
  }

  function expectRefused(file: string, copy: string, before: Buffer, pattern: RegExp): void {
    tally.tried++;
    expect(() => restoreRegister(file, copy)).toThrow(pattern);
    expect(readFileSync(file).equals(before)).toBe(true);
    tally.detected++;
  }

  it('a corrupted byte on a requests page', async () => {
    const { file, copy, before } = await withBackup();
    const bytes = readFileSync(copy);
    const probe = new Database(copy, { readonly: true });
    const page = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'requests'").pluck().get() as number;
    const size = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const start = (page - 1) * size;
    // The page also keeps stale copies of rewritten rows: flip one bit in the live cell's name.
    let flipped = false;
    for (let at = bytes.indexOf(Buffer.from('Іваненко'), start); at > 0 && at < start + size && !flipped; at = bytes.indexOf(Buffer.from('Іваненко'), at + 1)) {
      bytes[at + 3] = bytes[at + 3]! ^ 0x01;
      writeFileSync(copy, bytes);
      const look = new Database(copy, { readonly: true });
      flipped = look.prepare("SELECT requester_name FROM requests WHERE incoming_index = 'З-2'").pluck().get() !== 'Іваненко Іван';
      look.close();
      if (!flipped) bytes[at + 3] = bytes[at + 3]! ^ 0x01;
    }
    expect(flipped).toBe(true);
    writeFileSync(copy, bytes);
    expectRefused(file, copy, before, /Резервна копія пошкоджена.*Дані реєстрації запиту З-2/);
  });

  it('a foreign SQLite file, and an empty one', async () => {
    const { file, copy, before } = await withBackup();
    const foreign = join(copy, '..', 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('чужа база')");
    other.close();
    const foreignBytes = readFileSync(foreign);
    expectRefused(file, foreign, before, /не є реєстром/);
    expect(readFileSync(foreign).equals(foreignBytes)).toBe(true);
    const empty = join(copy, '..', 'empty.sqlite');
    new Database(empty).close();
    expectRefused(file, empty, before, /не є реєстром/);
  });

  it('a backup whose log was rewritten without an event', async () => {
    const { file, copy, before } = await withBackup();
    forge(copy, (raw) => {
      const putBack = dropAllGuards(raw);
      raw.exec("DELETE FROM events WHERE type = 'assigned'");
      recomputeChain(raw);
      putBack();
    });
    const db = openDb(copy);
    for (const id of db.sqlite.prepare('SELECT id FROM requests').pluck().all() as string[]) refreshProjection(db, id);
    db.sqlite.close();
    expectRefused(file, copy, before, /Резервна копія пошкоджена.*Печатка журналу подій/);
  });
});

describe('a foreign SQLite file given as --db is not touched (finding 7)', () => {
  it('refuses it before writing: same bytes, no tables, no WAL', async () => {
    const foreign = join(dir, 'foreign-db.sqlite');
    const other = new Database(foreign);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('чужа база')");
    other.close();
    const bytes = readFileSync(foreign);
    for (const args of [['list', '--db', foreign, '--json'], ['register', '--db', foreign, '--input', '-', '--json'], ['verify', '--db', foreign]]) {
      const r = await cli(args, JSON.stringify(sampleRequest()));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/не реєстр Registry Desk; його не змінено/);
    }
    expect(readFileSync(foreign).equals(bytes)).toBe(true);
    const check = new Database(foreign, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
