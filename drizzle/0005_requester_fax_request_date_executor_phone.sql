ALTER TABLE `requests` ADD `fax` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `request_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `executor_phone` text;