/** Registration next to a bare better-sqlite3 insert of the same row with the same durability. */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { tempDir } from '../helpers/tempDb';
import { median, type Suite } from './harness';

const input = {
  receivedAt: '2026-11-23T10:00:00+02:00',
  channel: 'post',
  requesterName: 'Петренко Петро Петрович',
  postalAddress: 'вул. Шевченка, 10, м. Калуш',
  description: 'Копія протоколу засідання виконавчого комітету',
  signed: true,
};

const suite: Suite = async () => {
  const dir = tempDir('rd-bench-');
  const db = openDb(join(dir, 'ours.sqlite'));
  const raw = new Database(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE r (id INTEGER PRIMARY KEY, seq INTEGER, received_at TEXT, name TEXT, address TEXT, description TEXT)');
  const ins = raw.prepare('INSERT INTO r (seq, received_at, name, address, description) VALUES (?, ?, ?, ?, ?)');
  let n = 0;
  const ours = await median(200, () => registerRequest(db, input));
  const bare = await median(200, () => ins.run(++n, input.receivedAt, input.requesterName, input.postalAddress, input.description));
  db.sqlite.close();
  raw.close();
  rmSync(dir, { recursive: true, force: true });
  // The bare insert is one fsync'd row; ours writes the number, the record, the event and the search entry.
  return [{ name: 'register one request (fsync on commit)', ours: { medianMs: ours }, raw: { medianMs: bare }, target: '≤ 6× a bare insert, < 10 ms', ok: ours < 10 && ours / bare <= 6 }];
};
export default suite;
