/**
 * The pull cursor: the highest server cursor whose event this desk has applied. The server hands
 * cursors out in commit order (see the server schema), so "everything after the cursor" is all
 * this desk has not seen; the cursor only moves forward, and only over a page applied in full.
 */
export interface CursorRow {
  cursor: number;
}

/** The cursor after applying `page` (server order); refuses a page that would move it back or repeat. */
export function advanceCursor(current: number, page: readonly CursorRow[]): number {
  let c = current;
  for (const r of page) {
    if (!Number.isSafeInteger(r.cursor) || r.cursor <= c) throw new Error(`sync: cursor ${r.cursor} after ${c} — the server page is out of order`);
    c = r.cursor;
  }
  return c;
}

/**
 * An event's place in the server's order, as its `synced_at` holds it once the server has it
 * (`c:` and the cursor padded, so text order is server order). The fold orders a request's events
 * by it; events not yet accepted by the server (`synced_at` null) come after, by their HLC.
 * Registers synced before this kept a timestamp there; the next sync re-stamps them.
 */
export const serverPlace = (cursor: number): string => `c:${String(cursor).padStart(16, '0')}`;
export const SERVER_PLACE_PREFIX = 'c:';
