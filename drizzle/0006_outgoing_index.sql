CREATE INDEX `events_outgoing` ON `events` (json_extract("payload", '$.outgoingIndex')) WHERE "events"."type" IN ('answered', 'document_issued');
