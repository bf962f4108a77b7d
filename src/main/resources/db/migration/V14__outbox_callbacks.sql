-- The status callbacks of a conversation event as they were when it was written, typed by the
-- writer (JSON text: {"configurationId": ..., "statusCallbacks": [...]}), published as the Kafka
-- header ce_callbacks: the callback intake takes them from there, not from a path of the payload
-- (renaming a response field would have silenced the callbacks). Null for other events and for rows
-- written before this version.
alter table outbox_event add column callbacks text;
