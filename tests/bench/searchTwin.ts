/**
 * The bare FTS5 twin of the clerk's search page (listPage with a search): the same kind of query on
 * the same index, without our exact-index term, filters, cursor or row summaries — the count, the
 * page's rowids (by bm25 for up to RANKED_UP_TO hits, else newest first by rowid, as ours) and the rows.
 */
import type { Db } from '../../src/main/db/open';
import { ftsQuery, RANKED_UP_TO } from '../../src/main/services/requestPages';
import { PAGE_SIZE } from '../../src/shared/requestPage';

export function bareSearchPage(db: Db): (typed: string) => unknown[] {
  const count = db.sqlite.prepare('SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?').pluck();
  const ranked = db.sqlite.prepare('SELECT rowid FROM requests_fts WHERE requests_fts MATCH ? ORDER BY bm25(requests_fts) LIMIT ?').pluck();
  const newest = db.sqlite.prepare('SELECT rowid FROM requests_fts WHERE requests_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  const rows = db.sqlite.prepare('SELECT * FROM requests WHERE pk IN (SELECT value FROM json_each(?))');
  return (typed) => {
    const q = ftsQuery(typed);
    if (!q) return [];
    const n = count.get(q) as number;
    return rows.all(JSON.stringify((n > RANKED_UP_TO ? newest : ranked).all(q, PAGE_SIZE + 1)));
  };
}
