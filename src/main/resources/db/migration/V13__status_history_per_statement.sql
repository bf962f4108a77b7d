-- The status history (V12) is written once per INSERT statement instead of once per outbox row:
-- the sweeper appends hundreds of events with one statement, and a row-level PL/pgSQL trigger cost
-- PostgreSQL a function call per event. Same rows, in the outbox's order.
drop trigger outbox_status_change on outbox_event;
drop function record_status_change();

create function record_status_changes() returns trigger language plpgsql as $$
begin
    insert into conversation_status_change
        (account_sid, conversation_id, previous_status, status, reason, changed_at)
    select account_sid, message_key, payload ->> 'previousStatus', payload ->> 'status',
           payload ->> 'reason', created_at
    from appended
    where jsonb_exists(payload, 'status') and jsonb_exists(payload, 'previousStatus')
    order by seq;
    return null;
end
$$;

create trigger outbox_status_changes after insert on outbox_event
    referencing new table as appended
    for each statement execute function record_status_changes();
