-- Sync: number series per desk (`{desk}` templates), counters keyed by series, the server's leased
-- reserve for offline registration, and attachments (scans) kept in the register.
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_request` ON `attachments` (`request_id`);--> statement-breakpoint
CREATE TABLE `number_leases` (
	`journal_id` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`leased_at` text NOT NULL,
	`request_id` text,
	PRIMARY KEY(`journal_id`, `year`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `number_leases_free` ON `number_leases` (`journal_id`,`year`,`request_id`);--> statement-breakpoint
DROP INDEX `requests_journal_id_year_seq`;--> statement-breakpoint
ALTER TABLE `requests` ADD `series` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_journal_id_year_series_seq` ON `requests` (`journal_id`,`year`,`series`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_counters` (
	`journal` text NOT NULL,
	`year` integer NOT NULL,
	`series` text DEFAULT '' NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`journal`, `year`, `series`)
);
--> statement-breakpoint
INSERT INTO `__new_counters`("journal", "year", "series", "last") SELECT "journal", "year", '', "last" FROM `counters`;--> statement-breakpoint
DROP TABLE `counters`;--> statement-breakpoint
ALTER TABLE `__new_counters` RENAME TO `counters`;
--> statement-breakpoint
-- The guards of 0002, again on the rebuilt table (dropping the old one took its triggers).
CREATE TRIGGER `counters_only_grow` BEFORE UPDATE ON `counters`
WHEN NEW.`last` < OLD.`last` OR NEW.`journal` IS NOT OLD.`journal` OR NEW.`year` IS NOT OLD.`year` OR NEW.`series` IS NOT OLD.`series`
BEGIN
  SELECT RAISE(ABORT, 'counters only grow');
END;
--> statement-breakpoint
CREATE TRIGGER `counters_never_deleted` BEFORE DELETE ON `counters`
BEGIN
  SELECT RAISE(ABORT, 'counters only grow');
END;
--> statement-breakpoint
DROP TRIGGER `requests_number_fixed`;
--> statement-breakpoint
CREATE TRIGGER `requests_number_fixed` BEFORE UPDATE OF `id`, `journal`, `journal_id`, `year`, `series`, `seq`, `incoming_index`, `received_at` ON `requests`
BEGIN
  SELECT RAISE(ABORT, 'a registration''s number is fixed');
END;
--> statement-breakpoint
-- A leased number is used once, by one registration, and never given back.
CREATE TRIGGER `number_leases_used_once` BEFORE UPDATE ON `number_leases`
WHEN OLD.`request_id` IS NOT NULL OR NEW.`journal_id` IS NOT OLD.`journal_id` OR NEW.`year` IS NOT OLD.`year` OR NEW.`seq` IS NOT OLD.`seq`
BEGIN
  SELECT RAISE(ABORT, 'a leased number is used once');
END;
--> statement-breakpoint
CREATE TRIGGER `number_leases_never_deleted` BEFORE DELETE ON `number_leases`
BEGIN
  SELECT RAISE(ABORT, 'a leased number is used once');
END;
--> statement-breakpoint
CREATE TRIGGER `attachments_append_only_update` BEFORE UPDATE ON `attachments`
BEGIN
  SELECT RAISE(ABORT, 'attachments are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attachments_append_only_delete` BEFORE DELETE ON `attachments`
BEGIN
  SELECT RAISE(ABORT, 'attachments are append-only');
END;