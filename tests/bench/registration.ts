/**
 * Registration through the service next to the raw engine writing the same rows: both on a register
 * with the same schema, triggers and indexes, WAL and synchronous=FULL, one transaction per request.
 * The raw side runs the bare statements (counter, request row, event, search entry) with values made
 * beforehand, so the ratio is what our validation, numbering, hashing, sealing and fold cost on top.
 * The two run in turns (see `pairedSamples`), so both meet the same disk.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../src/main/db/open';
import { registerRequest } from '../../src/main/services/registration';
import { tempDir } from '../helpers/tempDb';
import { pairedSamples, percentile, vsRaw, type Suite } from './harness';

const input = {
  receivedAt: '2026-11-20T10:00:00+02:00',
  channel: 'post',
  requesterName: 'Петренко Петро Петрович',
  postalAddress: 'вул. Шевченка, 10, м. Калуш, 77300',
  description: 'Копія протоколу засідання виконавчого комітету',
  signed: true,
};

const suite: Suite = async ({ quick }) => {
  const runs = quick ? 60 : 300;
  const dir = tempDir('rd-bench-reg-');
  const now = () => new Date('2026-11-20T12:00:00+02:00');
  const db = openDb(join(dir, 'ours.sqlite'), { now });
  const raw = openDb(join(dir, 'raw.sqlite'), { now }).sqlite;
  const journalId = raw.prepare('SELECT id FROM journals LIMIT 1').pluck().get() as string;
  const counter = raw.prepare("INSERT INTO counters (journal, year, series, last) VALUES (?, 2026, '', 1) ON CONFLICT(journal, year, series) DO UPDATE SET last = last + 1 RETURNING last");
  const row = raw.prepare(
    `INSERT INTO requests (id, journal, journal_id, year, series, seq, incoming_index, received_at, received_date, channel, form, requester_type,
       requester_name, postal_address, email, phone, description, urgent, urgent_reason, reply_by, signed, complete, missing, status, due_date, state, desk, updated_at)
     VALUES (?, 'Журнал', ?, 2026, '', ?, ?, ?, '2026-11-20', 'post', 'written', 'natural', ?, ?, '', '', ?, 0, '', 'post', 1, 1, '[]', 'registered', '2026-11-27', '{}', 'raw', ?)`,
  );
  const event = raw.prepare("INSERT INTO events (id, request_id, type, payload, at, desk, user, hlc, hash, mac) VALUES (?, ?, 'registered', ?, ?, 'raw', 'bench', ?, ?, ?)");
  const fts = raw.prepare('INSERT INTO requests_fts (rowid, request_id, incoming_index, requester, description, notes) VALUES (?, ?, ?, ?, ?, ?)');
  const payload = JSON.stringify({ ...input, index: 'З-1', journal: 'Журнал', year: 2026, seq: 1 });
  const bare = raw.transaction(() => {
    const id = randomUUID();
    const seq = (counter.get(journalId) as { last: number }).last;
    const { lastInsertRowid } = row.run(id, journalId, seq, `З-${seq}`, input.receivedAt, input.requesterName, input.postalAddress, input.description, input.receivedAt);
    event.run(id, id, payload, input.receivedAt, `${seq}`.padStart(16, '0'), 'h'.repeat(64), 'm'.repeat(64));
    fts.run(lastInsertRowid, id, `З-${seq}`, input.requesterName, input.description, '');
  });
  const [ours, rawTimes] = await pairedSamples(runs, () => registerRequest(db, input), () => bare.immediate());
  db.sqlite.close();
  raw.close();
  rmSync(dir, { recursive: true, force: true });
  const [o, r] = [percentile(ours, 50), percentile(rawTimes, 50)];
  return {
    register: vsRaw(`one registration, median of ${runs}, each its own fsync'd transaction`, o, r, '≤ 2× the bare statements', { ratio: 2 }),
  };
};
export default suite;
