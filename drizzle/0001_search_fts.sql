-- Full-text search over what a clerk remembers of a request. unicode61 folds case for Cyrillic;
-- remove_diacritics 2 folds accents but keeps ї/й distinct from і/и, as Ukrainian needs.
CREATE VIRTUAL TABLE `requests_fts` USING fts5(
  `request_id` UNINDEXED,
  `incoming_index`,
  `requester`,
  `description`,
  `notes`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- The event log is append-only: only the sync mark may change; nothing may be deleted.
CREATE TRIGGER `events_append_only_update` BEFORE UPDATE OF `id`, `request_id`, `type`, `payload`, `at`, `desk`, `user`, `hlc`, `hash` ON `events`
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `events_append_only_delete` BEFORE DELETE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
