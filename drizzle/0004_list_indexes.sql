DROP INDEX `requests_received`;--> statement-breakpoint
CREATE INDEX `requests_year_seq` ON `requests` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `requests_due` ON `requests` (`due_date`,`due_at`,`year`,`seq`) WHERE "requests"."due_date" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_received` ON `requests` (`received_date`,`year`,`seq`);