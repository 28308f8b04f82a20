/**
 * The full-text search index (FTS5) over the projection. Its content is `searchDocument` of each
 * request; when that definition changes (SEARCH_INDEX_VERSION), a register rebuilds the index once
 * on opening, in one transaction, so old registers find what new ones do.
 */
import type Database from 'better-sqlite3';
import type { RequestRecord, RequestState } from '../../shared/domain';
import { SEARCH_INDEX_VERSION, searchDocument } from '../../shared/search';

const statements = new WeakMap<Database.Database, { del: Database.Statement; ins: Database.Statement }>();

export function writeSearchEntry(sqlite: Database.Database, pk: number, requestId: string, record: Parameters<typeof searchDocument>[0], state: Parameters<typeof searchDocument>[1]): void {
  let st = statements.get(sqlite);
  if (!st)
    statements.set(sqlite, (st = {
      del: sqlite.prepare('DELETE FROM requests_fts WHERE rowid = ?'),
      ins: sqlite.prepare('INSERT INTO requests_fts (rowid, request_id, incoming_index, requester, description, notes) VALUES (?, ?, ?, ?, ?, ?)'),
    }));
  const d = searchDocument(record, state);
  // The entry's rowid is the request's integer key: replacing it is an index lookup, not a scan.
  st.del.run(pk);
  st.ins.run(pk, requestId, d.incomingIndex, d.requester, d.description, d.notes);
}

interface IndexRow {
  pk: number;
  id: string;
  incoming_index: string;
  requester_name: string;
  postal_address: string;
  email: string;
  phone: string;
  description: string;
  state: string;
}

export function ensureSearchIndex(sqlite: Database.Database): void {
  const have = sqlite.prepare("SELECT value FROM meta WHERE key = 'search_index_version'").pluck().get() as string | undefined;
  if (have === String(SEARCH_INDEX_VERSION)) return;
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM requests_fts');
    // In pages: a connection cannot write while it iterates.
    const page = sqlite.prepare('SELECT pk, id, incoming_index, requester_name, postal_address, email, phone, description, state FROM requests WHERE pk > ? ORDER BY pk LIMIT 2000');
    for (let rows = page.all(0) as IndexRow[]; rows.length > 0; rows = page.all(rows.at(-1)!.pk) as IndexRow[])
    for (const r of rows) {
      const record = { index: r.incoming_index, requesterName: r.requester_name, postalAddress: r.postal_address, email: r.email, phone: r.phone, description: r.description } satisfies Partial<RequestRecord>;
      const state = JSON.parse(r.state) as Partial<RequestState>;
      writeSearchEntry(sqlite, r.pk, r.id, record, { notes: state.notes ?? [], executor: state.executor ?? null, redirect: state.redirect ?? null, answer: state.answer ?? null });
    }
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('search_index_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(SEARCH_INDEX_VERSION));
  }).immediate();
}
