/**
 * The shared register's schema on PostgreSQL, as forward-only migrations. A migration, once
 * released, is never edited: a change is a new entry at the end. Each runs in its own transaction
 * and is recorded in `server_migrations`, so running `server migrate` twice is harmless and a
 * desk can tell a server newer than it knows.
 */
export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'event log, numbers, desks',
    sql: `
CREATE TABLE desks (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  first_seen timestamptz NOT NULL DEFAULT now()
);

-- The incoming numbers of the whole register: the printed index is unique per journal and year
-- across every desk, whatever desk gave it. Filled by the trigger below from each registration.
CREATE TABLE numbers (
  request_id text PRIMARY KEY,
  journal text NOT NULL,
  year integer NOT NULL,
  seq integer NOT NULL,
  incoming_index text NOT NULL,
  desk text NOT NULL,
  CONSTRAINT numbers_unique_index UNIQUE (journal, year, incoming_index)
);

-- The cursor is taken from this sequence only while the transaction holds the register's
-- advisory lock (see events_lock), so cursor order is commit order and a reader can never see a
-- higher cursor before a lower one has committed: pulling "after the last cursor" never skips.
CREATE SEQUENCE event_cursor;

CREATE TABLE events (
  cursor bigint NOT NULL DEFAULT nextval('event_cursor') UNIQUE,
  id uuid PRIMARY KEY,
  request_id text NOT NULL REFERENCES numbers (request_id),
  type text NOT NULL,
  -- Text, not jsonb: the desk's exact bytes come back, so every desk stores the same event.
  payload text NOT NULL CHECK (payload::jsonb IS NOT NULL),
  at text NOT NULL,
  desk text NOT NULL,
  "user" text NOT NULL,
  hlc text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_request ON events (request_id);

CREATE FUNCTION events_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Before any row (and so any nextval) of the statement: one writer of cursors at a time.
  PERFORM pg_advisory_xact_lock(7318001);
  RETURN NULL;
END $$;
CREATE TRIGGER events_lock BEFORE INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_lock();

-- SECURITY DEFINER: desks may append events but never write numbers themselves.
CREATE FUNCTION events_number() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- BEFORE the row, so the event's reference to its number holds; a replayed event (same id,
  -- to be skipped by ON CONFLICT DO NOTHING) takes no number. The advisory lock serialises this check.
  IF NEW.type = 'registered' AND NOT EXISTS (SELECT 1 FROM events WHERE id = NEW.id) THEN
    INSERT INTO numbers (request_id, journal, year, seq, incoming_index, desk)
    VALUES (NEW.request_id, NEW.payload::jsonb->>'journal', (NEW.payload::jsonb->>'year')::int,
            (NEW.payload::jsonb->>'seq')::int, NEW.payload::jsonb->>'index', NEW.desk);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER events_number BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_number();

-- The log is append-only for everyone, the owner included.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER numbers_no_update BEFORE UPDATE OR DELETE ON numbers FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- Live updates: one notice per committed batch (notices are delivered at commit, and merged).
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
`,
  },
];

export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1]!.version;
