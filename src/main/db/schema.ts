/**
 * The register's tables. `events` is the source of truth (append-only); `requests` holds the
 * registration and a projection of the derived state so lists and filters need no fold.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const requests = sqliteTable(
  'requests',
  {
    // A stable integer key: the search index's rowid points here (implicit rowids may change on VACUUM).
    pk: integer('pk').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    /** The journal's name when the request was registered: a label, kept as it was printed. */
    journal: text('journal').notNull(),
    /** The journal's stable id (`journals.id`): numbering is keyed by it, never by the name. */
    journalId: text('journal_id').notNull().default(''),
    year: integer('year').notNull(),
    /** The number series: the desk code when the index template has `{desk}` (each desk its own numbers), else ''. */
    series: text('series').notNull().default(''),
    seq: integer('seq').notNull(),
    index: text('incoming_index').notNull(),
    receivedAt: text('received_at').notNull(),
    receivedDate: text('received_date').notNull(),
    /**
     * Since 0008: 0 when the source (an imported journal) gave the date of receipt but no time.
     * `received_at` is then the start of that Kyiv day — the earliest moment it can have been, so a
     * term counted from it is never later than the law's — and nothing shows it as a time.
     */
    receivedTimeKnown: integer('received_time_known', { mode: 'boolean' }).notNull().default(true),
    /** One of CHANNELS, or '' when the source did not say (shown as «не зазначено»). */
    channel: text('channel').notNull(),
    /** One of FORMS, or '' when an imported journal did not say and its channel does not tell. */
    form: text('form').notNull(),
    requesterType: text('requester_type').notNull(),
    requesterName: text('requester_name').notNull(),
    postalAddress: text('postal_address').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    // Since 0005: the requester's fax (Appendix 4 «Факсом»), the date written on the request.
    fax: text('fax').notNull().default(''),
    requestDate: text('request_date'),
    description: text('description').notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull(),
    urgentReason: text('urgent_reason').notNull(),
    /** One of REPLY_WAYS, or '' when an imported journal did not say. */
    replyBy: text('reply_by').notNull(),
    signed: integer('signed', { mode: 'boolean' }).notNull(),
    /** Since 0009: 0 when an imported journal did not state the signature (then `signed` is 0 and means nothing). */
    signedKnown: integer('signed_known', { mode: 'boolean' }).notNull().default(true),
    officialName: text('official_name'),
    officialPhone: text('official_phone'),
    complete: integer('complete', { mode: 'boolean' }).notNull(),
    missing: text('missing').notNull(),
    // Projection of the folded state, rewritten in the same transaction as each new event.
    status: text('status').notNull(),
    executor: text('executor'),
    // Since 0005: the executor's own phone from the `assign` event, for the letters' executor mark.
    executorPhone: text('executor_phone'),
    dueDate: text('due_date'),
    dueAt: text('due_at'),
    state: text('state').notNull(),
    desk: text('desk').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('requests_id').on(t.id),
    uniqueIndex('requests_journal_id_year_series_seq').on(t.journalId, t.year, t.series, t.seq),
    // The printed number itself is unique per journal and year: no template or name change can repeat one.
    uniqueIndex('requests_journal_id_year_index').on(t.journalId, t.year, t.index),
    index('requests_index').on(t.index),
    // A month's page sorts its requests by (year, seq) from this index alone, reading only the page's rows.
    index('requests_received').on(t.receivedDate, t.year, t.seq),
    index('requests_status_due').on(t.status, t.dueDate),
    // A status's page in the journal's order and its count, from this index alone (was: sort every answered request).
    index('requests_status_order').on(t.status, t.year, t.seq),
    // The journal's order (newest first) walked page by page: the keyset (year, seq, pk) is this index plus its rowid.
    index('requests_year_seq').on(t.year, t.seq),
    // Only open terms have a due date: the «Сьогодні» panel and the overdue filter read this small index in its order.
    index('requests_due').on(t.dueDate, t.dueAt, t.year, t.seq).where(sql`${t.dueDate} IS NOT NULL`),
  ],
);

export const events = sqliteTable(
  'events',
  {
    // Local order of arrival; the HLC, not this, orders the fold.
    pos: integer('pos').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id),
    type: text('type').notNull(),
    payload: text('payload').notNull(),
    at: text('at').notNull(),
    desk: text('desk').notNull(),
    user: text('user').notNull(),
    hlc: text('hlc').notNull(),
    /** sha256 over the previous row's hash and this row: editing or deleting a row breaks the chain. */
    hash: text('hash').notNull(),
    /**
     * HMAC of `hash` with the register's key, kept outside the file: whoever recomputes the plain
     * chain after removing an event cannot recompute these. Null only for events written before
     * the key existed (they are sealed when the key is first made).
     */
    mac: text('mac'),
    /** Null until the server has accepted it; the outbox is simply `synced_at IS NULL`. */
    syncedAt: text('synced_at'),
  },
  (t) => [
    uniqueIndex('events_id').on(t.id),
    index('events_request').on(t.requestId, t.hlc),
    index('events_unsynced').on(t.syncedAt),
    // Outgoing numbers live in the payloads of answers and issued documents: this lets the check that
    // a number is free in its year (services/outgoing.ts) look it up instead of reading every answer.
    index('events_outgoing')
      .on(sql`json_extract(${t.payload}, '$.outgoingIndex')`)
      .where(sql`${t.type} IN ('answered', 'document_issued')`),
  ],
);

/** A journal of incoming requests. The id is what numbering hangs on; the name is a label the clerk may change. */
export const journals = sqliteTable('journals', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const counters = sqliteTable(
  'counters',
  {
    /** The journal's stable id (`journals.id`) since migration 0002 — never its display name. */
    journal: text('journal').notNull(),
    year: integer('year').notNull(),
    /** The series (see `requests.series`): '' is the journal's one shared series. */
    series: text('series').notNull().default(''),
    /** The last number handed out; numbers are never reused, so this only grows. */
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.journal, t.year, t.series] })],
);

/**
 * Numbers of the shared series the server leased to this desk for offline work. A row is used
 * by exactly one registration (`request_id`); an unused one stays marked as reserved.
 */
export const numberLeases = sqliteTable(
  'number_leases',
  {
    journalId: text('journal_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    leasedAt: text('leased_at').notNull(),
    requestId: text('request_id'),
  },
  (t) => [primaryKey({ columns: [t.journalId, t.year, t.seq] }), index('number_leases_free').on(t.journalId, t.year, t.requestId)],
);

/** Scans kept with a request (the request itself, the answer). Content-addressed, never changed. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => requests.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('attachments_request').on(t.requestId)],
);

/**
 * Seals of the event log: every so often the chain's head (position and hash) with its HMAC.
 * Sync sends them to the server, so even a forger who holds the key cannot rewrite what was
 * anchored there.
 */
export const checkpoints = sqliteTable('checkpoints', {
  pos: integer('pos').primaryKey(),
  hash: text('hash').notNull(),
  mac: text('mac').notNull(),
  at: text('at').notNull(),
  syncedAt: text('synced_at'),
});

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
