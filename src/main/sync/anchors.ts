/**
 * The keyed event chain anchored on the server (issue 8). Inside the file, the seal and the
 * AUTOINCREMENT counter catch a removed event — unless someone removes the very last one and sets
 * the counter back. What the file cannot prove, the server can: every sync sends this desk's
 * checkpoints and its chain head (event id, position, hash, seal), and `verify --server` checks
 * that every anchored event is still in the log, unchanged where it still stands at its position.
 * Events recorded since the last sync are not anchored yet; that is said, not hidden.
 */
import type pg from 'pg';
import { prepared, type Db } from '../db/open';
import { connectionError } from './push';
import { getMeta, setMeta } from './state';

const SENT = 'sync.anchored_pos';

interface Anchor {
  event_id: string;
  pos: number;
  hash: string;
  mac: string;
}

/** Sends the checkpoints made since the last anchoring and the chain's head. Returns how many. */
export async function sendAnchors(db: Db, client: pg.Client): Promise<number> {
  const since = Number(getMeta(db, SENT) ?? 0);
  const rows = prepared(
    db,
    `SELECT e.id AS event_id, e.pos, e.hash, e.mac FROM events e
      WHERE e.pos > ? AND e.mac IS NOT NULL AND (e.pos IN (SELECT pos FROM checkpoints) OR e.pos = (SELECT max(pos) FROM events))
      ORDER BY e.pos`,
  ).all(since) as Anchor[];
  if (rows.length === 0) return 0;
  try {
    await client.query(
      `INSERT INTO chain_anchors (desk, event_id, pos, hash, mac)
       SELECT $1, (j->>'event_id')::uuid, (j->>'pos')::bigint, j->>'hash', j->>'mac' FROM jsonb_array_elements($2::jsonb) AS x(j)
       ON CONFLICT DO NOTHING`,
      [db.deskId, JSON.stringify(rows)],
    );
  } catch (e) {
    throw connectionError(e);
  }
  setMeta(db, SENT, String(rows[rows.length - 1]!.pos));
  return rows.length;
}

export interface AnchorCheck {
  anchors: number;
  findings: string[];
}

/** Compares the log with this desk's anchors on the server. */
export async function checkAnchors(db: Db, client: pg.Client): Promise<AnchorCheck> {
  let anchors: Anchor[];
  try {
    anchors = (await client.query<Anchor>('SELECT event_id::text AS event_id, pos::float8 AS pos, hash, mac FROM chain_anchors WHERE desk = $1 ORDER BY pos', [db.deskId])).rows;
  } catch (e) {
    throw connectionError(e);
  }
  const findings: string[] = [];
  const byId = prepared(db, 'SELECT pos, hash FROM events WHERE id = ?');
  for (const a of anchors) {
    const local = byId.get(a.event_id) as { pos: number; hash: string } | undefined;
    if (!local) findings.push(`З журналу подій вилучено подію ${a.event_id} (позиція ${a.pos}), закріплену на сервері спільного реєстру`);
    else if (local.pos === a.pos && local.hash !== a.hash) findings.push(`Журнал подій не збігається з якорем на сервері на позиції ${a.pos}: журнал переписано`);
  }
  return { anchors: anchors.length, findings };
}
