-- The claim's ordering check (is an earlier delivery of the same conversation and URL unfinished?)
-- probes callback_delivery_order once per candidate. With the same predicate as
-- callback_delivery_due, either index could serve it; planning on statistics taken before a burst
-- of due deliveries (they saw none), PostgreSQL rated both as empty and could pick the due index,
-- read whole for every candidate: quadratic, seconds per claim with 20,000 due. A predicate of its
-- own, over the same rows (the statuses are PENDING, FAILED_RETRYING, SUCCEEDED and DEAD), leaves
-- this index the only one the check can use.
drop index callback_delivery_order;
create index callback_delivery_order on callback_delivery (conversation_id, url, seq)
    where status not in ('SUCCEEDED', 'DEAD');
