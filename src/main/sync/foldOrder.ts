/**
 * Registers synced before the fold went by the server's order kept a timestamp in `synced_at`.
 * Once, at the next sync, each such event is given its place in the server's order and the
 * requests it belongs to are folded again — in one transaction, so no request is left half-way.
 */
import type pg from 'pg';
import { SERVER_PLACE_PREFIX, serverPlace } from '../../shared/sync/cursor';
import { prepared, type Db } from '../db/open';
import { calendarAndRules, refreshProjection } from '../services/projection';
import { placesOf } from './push';
import { getMeta, setMeta } from './state';

const DONE = 'sync.fold_order';

export async function restampLegacyPlaces(db: Db, client: pg.Client): Promise<number> {
  if (getMeta(db, DONE) === 'server') return 0;
  const legacy = prepared(db, `SELECT id, request_id FROM events WHERE synced_at IS NOT NULL AND synced_at NOT LIKE '${SERVER_PLACE_PREFIX}%'`).all() as { id: string; request_id: string }[];
  const places: { id: string; cursor: number }[] = [];
  for (let i = 0; i < legacy.length; i += 1000) places.push(...(await placesOf(client, legacy.slice(i, i + 1000).map((e) => e.id))));
  const requestOf = new Map(legacy.map((e) => [e.id, e.request_id]));
  db.sqlite.transaction(() => {
    // Terms read under the write lock, never a copy another process's settings change outdated.
    const ctx = calendarAndRules(db);
    const touched = new Set<string>();
    for (const p of places) {
      prepared(db, 'UPDATE events SET synced_at = ? WHERE id = ?').run(serverPlace(p.cursor), p.id);
      touched.add(requestOf.get(p.id)!);
    }
    for (const id of touched) if (prepared(db, 'SELECT 1 FROM requests WHERE id = ?').get(id)) refreshProjection(db, id, ctx);
    // Only when every legacy event found its place; otherwise the next sync tries again.
    if (places.length === legacy.length) setMeta(db, DONE, 'server');
  }).immediate();
  return places.length;
}
