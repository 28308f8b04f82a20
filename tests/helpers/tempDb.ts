/** Real SQLite files in a fresh temp folder, opened with a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/main/db/open';

export interface TempDb {
  db: Db;
  dir: string;
  file: string;
  setNow(iso: string): void;
  close(): void;
}

export function tempDir(prefix = 'rd-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openTempDb(nowIso = '2026-11-23T10:00:00+02:00'): TempDb {
  const dir = tempDir();
  const file = join(dir, 'register.sqlite');
  let now = new Date(nowIso);
  const db = openDb(file, { now: () => now, user: 'test-clerk' });
  return {
    db,
    dir,
    file,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: () => {
      if (db.sqlite.open) db.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sampleRequest = (over: Record<string, unknown> = {}) => ({
  receivedAt: '2026-11-23T10:00:00+02:00',
  channel: 'post',
  form: 'written',
  requesterType: 'natural',
  requesterName: 'Петренко Петро Петрович',
  postalAddress: 'вул. Шевченка, 10, м. Калуш, 77300',
  email: '',
  phone: '+380 67 123 45 67',
  description: 'Копія протоколу засідання виконавчого комітету від 12.11.2026',
  urgent: false,
  replyBy: 'post',
  signed: true,
  ...over,
});
