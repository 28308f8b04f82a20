/** Desk settings, stored as one JSON document in `meta` and validated on every read and write. */
import { invalidInput } from '../../shared/schemas';
import { mergeSettings, settingsSchema, type Settings } from '../../shared/settings';
import { prepared, type Db } from '../db/open';

const KEY = 'settings';

export function getSettings(db: Db): Settings {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return settingsSchema.parse({});
  const parsed = settingsSchema.safeParse(JSON.parse(row.value));
  // A settings document that no longer validates must not stop the desk: fall back part by part.
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export function updateSettings(db: Db, patch: unknown): Settings {
  const merged = mergeSettings(getSettings(db), patch);
  const r = settingsSchema.safeParse(merged);
  if (!r.success) throw invalidInput(r.error);
  prepared(
    db, "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    .run(KEY, JSON.stringify(r.data));
  return r.data;
}
