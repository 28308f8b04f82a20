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
    name: 'event log, numbers and leases, desks',
    sql: `
CREATE TABLE desks (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  first_seen timestamptz NOT NULL DEFAULT now(),
  -- Rotated by every sync of the desk: a register that comes back with an older one is a copy or a rollback.
  generation text
);

-- The incoming numbers of the whole register: the printed index is unique per journal and year
-- across every desk, whatever desk gave it. Filled by the trigger below from each registration.
CREATE TABLE numbers (
  request_id text PRIMARY KEY,
  journal_id text NOT NULL,
  year integer NOT NULL,
  series text NOT NULL,
  seq integer NOT NULL,
  incoming_index text NOT NULL,
  desk text NOT NULL,
  CONSTRAINT numbers_unique_index UNIQUE (journal_id, year, incoming_index),
  CONSTRAINT numbers_unique_seq UNIQUE (journal_id, year, series, seq)
);

-- The journal's shared series (templates without {desk}) is handed out only here: each desk
-- holds a leased reserve for offline work, refilled on sync. A number leased is never leased again.
CREATE TABLE number_counters (
  journal_id text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (journal_id, year)
);
CREATE TABLE number_leases (
  journal_id text NOT NULL,
  year integer NOT NULL,
  seq integer NOT NULL,
  desk text NOT NULL,
  leased_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (journal_id, year, seq)
);

-- Tops the desk's unused reserve up to p_want numbers and returns the whole unused reserve (a
-- desk that crashed before storing its last lease gets the same numbers again, not new ones).
CREATE FUNCTION lease_numbers(p_desk text, p_journal text, p_year integer, p_want integer)
RETURNS SETOF integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  have integer;
  more integer;
  upto integer;
BEGIN
  IF p_want < 0 OR p_want > 1000 THEN RAISE EXCEPTION 'lease size out of range'; END IF;
  SELECT count(*) INTO have FROM number_leases l
   WHERE l.journal_id = p_journal AND l.year = p_year AND l.desk = p_desk
     AND NOT EXISTS (SELECT 1 FROM numbers n WHERE n.journal_id = l.journal_id AND n.year = l.year AND n.series = '' AND n.seq = l.seq);
  more := greatest(p_want - have, 0);
  IF more > 0 THEN
    -- The row lock of the counter serialises desks leasing at the same moment.
    INSERT INTO number_counters AS c (journal_id, year, last)
      VALUES (p_journal, p_year, coalesce((SELECT max(seq) FROM numbers WHERE journal_id = p_journal AND year = p_year AND series = ''), 0) + more)
      ON CONFLICT (journal_id, year) DO UPDATE SET last = c.last + more
      RETURNING c.last INTO upto;
    INSERT INTO number_leases (journal_id, year, seq, desk)
      SELECT p_journal, p_year, s, p_desk FROM generate_series(upto - more + 1, upto) AS s;
  END IF;
  RETURN QUERY SELECT l.seq FROM number_leases l
   WHERE l.journal_id = p_journal AND l.year = p_year AND l.desk = p_desk
     AND NOT EXISTS (SELECT 1 FROM numbers n WHERE n.journal_id = l.journal_id AND n.year = l.year AND n.series = '' AND n.seq = l.seq)
   ORDER BY l.seq;
END $$;

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

-- Scans travel with their request: uploaded in the same transaction as their 'attached' event.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  request_id text NOT NULL REFERENCES numbers (request_id),
  name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  CHECK (octet_length(data) = size)
);

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
    -- Registrations from before sync carry neither: the main journal, the shared series.
    INSERT INTO numbers (request_id, journal_id, year, series, seq, incoming_index, desk)
    VALUES (NEW.request_id, coalesce(NEW.payload::jsonb->>'journalId', 'main'), (NEW.payload::jsonb->>'year')::int,
            coalesce(NEW.payload::jsonb->>'series', ''), (NEW.payload::jsonb->>'seq')::int, NEW.payload::jsonb->>'index', NEW.desk);
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
CREATE TRIGGER number_leases_no_update BEFORE UPDATE OR DELETE ON number_leases FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER attachments_no_update BEFORE UPDATE OR DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- Live updates: one notice per committed batch (notices are delivered at commit, and merged).
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
`,
  },
  {
    version: 2,
    name: 'reserved numbers never used, closed at the year end',
    sql: `
-- A desk gives back, after the year's end, the numbers of that year it leased and never used: each
-- comes as an event 'number_unused' under its own request id, so every desk's journal shows it,
-- and takes its row in numbers, so it is never given again. Only the desk that holds the lease may.
CREATE OR REPLACE FUNCTION events_number() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.type IN ('registered', 'number_unused') AND NOT EXISTS (SELECT 1 FROM events WHERE id = NEW.id) THEN
    IF NEW.type = 'number_unused' AND NOT EXISTS (
      SELECT 1 FROM number_leases l
       WHERE l.journal_id = NEW.payload::jsonb->>'journalId' AND l.year = (NEW.payload::jsonb->>'year')::int
         AND l.seq = (NEW.payload::jsonb->>'seq')::int AND l.desk = NEW.desk) THEN
      RAISE EXCEPTION 'number % of % was not leased to desk %', NEW.payload::jsonb->>'seq', NEW.payload::jsonb->>'year', NEW.desk;
    END IF;
    INSERT INTO numbers (request_id, journal_id, year, series, seq, incoming_index, desk)
    VALUES (NEW.request_id, coalesce(NEW.payload::jsonb->>'journalId', 'main'), (NEW.payload::jsonb->>'year')::int,
            coalesce(NEW.payload::jsonb->>'series', ''), (NEW.payload::jsonb->>'seq')::int, NEW.payload::jsonb->>'index', NEW.desk);
  END IF;
  RETURN NEW;
END $$;
`,
  },
  {
    version: 3,
    name: 'anchors of each desk\'s keyed event chain',
    sql: `
-- Each desk's chain head and checkpoints, sent at every sync: outside the desk's file, so an event
-- removed from its log — even the very last one, with the row counter fixed — is found by verify.
-- Keyed by the event, not the position: a register restored from a backup reuses positions.
CREATE TABLE chain_anchors (
  desk text NOT NULL,
  event_id uuid NOT NULL,
  pos bigint NOT NULL,
  hash text NOT NULL,
  mac text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (desk, event_id)
);
CREATE TRIGGER chain_anchors_no_update BEFORE UPDATE OR DELETE ON chain_anchors FOR EACH ROW EXECUTE FUNCTION events_append_only();
`,
  },
  {
    version: 4,
    name: 'a register moved on purpose: desk identities retired by adoption',
    sql: `
-- registry-desk adopt: the administrator gives a register moved to a new computer a new desk
-- identity; the old one is retired (its copy left behind is held at its next contact), keeps its
-- history and its leases (which it may have used offline), and is never leased a number again.
ALTER TABLE desks ADD COLUMN retired_at timestamptz, ADD COLUMN successor text;
ALTER TABLE desks DROP CONSTRAINT desks_name_key;
CREATE UNIQUE INDEX desks_live_name ON desks (name) WHERE retired_at IS NULL;

CREATE OR REPLACE FUNCTION lease_numbers(p_desk text, p_journal text, p_year integer, p_want integer)
RETURNS SETOF integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  have integer;
  more integer;
  upto integer;
BEGIN
  IF p_want < 0 OR p_want > 1000 THEN RAISE EXCEPTION 'lease size out of range'; END IF;
  IF EXISTS (SELECT 1 FROM desks WHERE id = p_desk AND retired_at IS NOT NULL) THEN
    RAISE EXCEPTION 'desk % is retired (its register was adopted elsewhere)', p_desk;
  END IF;
  SELECT count(*) INTO have FROM number_leases l
   WHERE l.journal_id = p_journal AND l.year = p_year AND l.desk = p_desk
     AND NOT EXISTS (SELECT 1 FROM numbers n WHERE n.journal_id = l.journal_id AND n.year = l.year AND n.series = '' AND n.seq = l.seq);
  more := greatest(p_want - have, 0);
  IF more > 0 THEN
    INSERT INTO number_counters AS c (journal_id, year, last)
      VALUES (p_journal, p_year, coalesce((SELECT max(seq) FROM numbers WHERE journal_id = p_journal AND year = p_year AND series = ''), 0) + more)
      ON CONFLICT (journal_id, year) DO UPDATE SET last = c.last + more
      RETURNING c.last INTO upto;
    INSERT INTO number_leases (journal_id, year, seq, desk)
      SELECT p_journal, p_year, s, p_desk FROM generate_series(upto - more + 1, upto) AS s;
  END IF;
  RETURN QUERY SELECT l.seq FROM number_leases l
   WHERE l.journal_id = p_journal AND l.year = p_year AND l.desk = p_desk
     AND NOT EXISTS (SELECT 1 FROM numbers n WHERE n.journal_id = l.journal_id AND n.year = l.year AND n.series = '' AND n.seq = l.seq)
   ORDER BY l.seq;
END $$;
`,
  },
  {
    version: 5,
    name: 'the numbering trigger reads each payload once',
    sql: `
-- Same rule as version 2, cheaper: the payload is cast to jsonb once per row, not five times. The
-- cast dominated a push (a batch of 500 registrations spent most of its server time here).
CREATE OR REPLACE FUNCTION events_number() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  p jsonb;
BEGIN
  IF NEW.type IN ('registered', 'number_unused') AND NOT EXISTS (SELECT 1 FROM events WHERE id = NEW.id) THEN
    p := NEW.payload::jsonb;
    IF NEW.type = 'number_unused' AND NOT EXISTS (
      SELECT 1 FROM number_leases l
       WHERE l.journal_id = p->>'journalId' AND l.year = (p->>'year')::int AND l.seq = (p->>'seq')::int AND l.desk = NEW.desk) THEN
      RAISE EXCEPTION 'number % of % was not leased to desk %', p->>'seq', p->>'year', NEW.desk;
    END IF;
    INSERT INTO numbers (request_id, journal_id, year, series, seq, incoming_index, desk)
    VALUES (NEW.request_id, coalesce(p->>'journalId', 'main'), (p->>'year')::int, coalesce(p->>'series', ''), (p->>'seq')::int, p->>'index', NEW.desk);
  END IF;
  RETURN NEW;
END $$;
`,
  },
];

export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1]!.version;
