/** What a desk remembers about its sync, kept in the register's `meta` table. */
import { prepared, type Db } from '../db/open';

export const SYNC_KEYS = {
  cursor: 'sync.cursor',
  deskName: 'sync.desk_name',
  lastSync: 'sync.last',
} as const;

export function getMeta(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  prepared(
    db, "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    .run(key, value);
}

export const getCursor = (db: Db): number => Number(getMeta(db, SYNC_KEYS.cursor) ?? 0);

/** Events not yet accepted by the server. */
export const outboxSize = (db: Db): number => (prepared(db, 'SELECT count(*) AS n FROM events WHERE synced_at IS NULL').get() as { n: number }).n;
