/** Desks for the sync tests: real register files on one real PostgreSQL, compared as a person would. */
import { join } from 'node:path';
import { openDb, type Db } from '../../src/main/db/open';
import { updateSettings } from '../../src/main/services/settings';
import { tempDir } from './tempDb';

export interface Desk {
  db: Db;
  file: string;
  name: string;
  setNow(d: Date): void;
  reopen(): void;
}

/**
 * A desk with its own series (`{desk}` in the template), so desks can register offline without a
 * shared reserve; `skewMs` puts its clock off the true time, as a badly set PC would be.
 */
export function makeDesk(name: string, opts: { dir?: string; now?: Date; skewMs?: number; series?: 'own' | 'shared' } = {}): Desk {
  const dir = opts.dir ?? tempDir('rd-desk-');
  const file = join(dir, `${name}.sqlite`);
  let now = opts.now ?? new Date('2026-11-23T08:00:00Z');
  const clock = () => new Date(now.getTime() + (opts.skewMs ?? 0));
  const desk: Desk = {
    db: openDb(file, { now: clock, user: `clerk-${name}` }),
    file,
    name,
    setNow: (d) => void (now = d),
    reopen() {
      if (desk.db.sqlite.open) desk.db.sqlite.close();
      desk.db = openDb(file, { now: clock, user: `clerk-${name}` });
    },
  };
  if ((opts.series ?? 'own') === 'own') updateSettings(desk.db, { index: { template: '{desk}-{n}', journal: `запити ${name}`, deskCode: name } });
  return desk;
}

/** What a register says, independent of local arrival order: requests with their state, and every event. */
export function registerContent(db: Db) {
  const requests = db.sqlite
    .prepare('SELECT id, journal, year, seq, incoming_index, received_at, requester_name, status, executor, due_date, state, desk FROM requests ORDER BY id')
    .all();
  const events = db.sqlite.prepare('SELECT id, request_id, type, payload, at, desk, user, hlc FROM events ORDER BY id').all();
  return { requests, events };
}

export const request = (i: number, receivedAt: string) => ({
  receivedAt,
  channel: 'email',
  requesterName: `Запитувач ${i}`,
  email: `user${i}@example.com`,
  description: `Запит ${i} про бюджет громади`,
});
