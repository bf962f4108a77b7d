-- W3C trace context of the request (or background job) that wrote an event, published with it as
-- the Kafka header traceparent, and of the intake span a callback delivery continues: each webhook
-- attempt sends it. Null for rows written before tracing.
alter table outbox_event add column traceparent text;
alter table callback_delivery add column traceparent text;
