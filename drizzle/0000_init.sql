CREATE TABLE `counters` (
	`journal` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`journal`, `year`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`pos` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`request_id` text NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`at` text NOT NULL,
	`desk` text NOT NULL,
	`user` text NOT NULL,
	`hlc` text NOT NULL,
	`hash` text NOT NULL,
	`synced_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_id` ON `events` (`id`);--> statement-breakpoint
CREATE INDEX `events_request` ON `events` (`request_id`,`hlc`);--> statement-breakpoint
CREATE INDEX `events_unsynced` ON `events` (`synced_at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`journal` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`incoming_index` text NOT NULL,
	`received_at` text NOT NULL,
	`received_date` text NOT NULL,
	`channel` text NOT NULL,
	`form` text NOT NULL,
	`requester_type` text NOT NULL,
	`requester_name` text NOT NULL,
	`postal_address` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`description` text NOT NULL,
	`urgent` integer NOT NULL,
	`urgent_reason` text NOT NULL,
	`reply_by` text NOT NULL,
	`signed` integer NOT NULL,
	`official_name` text,
	`official_phone` text,
	`complete` integer NOT NULL,
	`missing` text NOT NULL,
	`status` text NOT NULL,
	`executor` text,
	`due_date` text,
	`due_at` text,
	`state` text NOT NULL,
	`desk` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_id` ON `requests` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_journal_year_seq` ON `requests` (`journal`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `requests_index` ON `requests` (`incoming_index`);--> statement-breakpoint
CREATE INDEX `requests_received` ON `requests` (`received_date`);--> statement-breakpoint
CREATE INDEX `requests_status_due` ON `requests` (`status`,`due_date`);