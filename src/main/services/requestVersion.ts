/**
 * A request's version for the card's polling: the count and last position of its events. Every
 * change to a request is an event (here or pulled from another desk), so an unchanged token means
 * nothing to reload — two indexed reads instead of the whole view every few seconds.
 */
import { prepared, type Db } from '../db/open';
import { findRequestRow } from './queries';

export function requestVersion(db: Db, ref: unknown): { version: string } {
  const row = findRequestRow(db, ref);
  const v = prepared(db, 'SELECT count(*) AS n, coalesce(max(pos), 0) AS last FROM events WHERE request_id = ?').get(row.id) as { n: number; last: number };
  return { version: `${v.n}:${v.last}` };
}
