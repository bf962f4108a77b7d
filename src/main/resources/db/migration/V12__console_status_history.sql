-- The operator console shows every status change of a conversation with its reason. Outbox rows
-- are deleted once relayed, so a trigger copies each status change out of the outbox row as it is
-- appended: in the change's own transaction, exactly once, with no consumer to keep running.
create table conversation_status_change (
    seq             bigint generated always as identity primary key,
    account_sid     text        not null,
    conversation_id text        not null, -- the public id (the event's key); no FK: history outlives a delete
    previous_status text,
    status          text        not null,
    reason          text,
    changed_at      timestamptz not null
);
create index conversation_status_change_timeline
    on conversation_status_change (account_sid, conversation_id, seq);

create function record_status_change() returns trigger language plpgsql as $$
begin
    if jsonb_exists(new.payload, 'status') and jsonb_exists(new.payload, 'previousStatus') then
        insert into conversation_status_change
            (account_sid, conversation_id, previous_status, status, reason, changed_at)
        values (new.account_sid, new.message_key, new.payload ->> 'previousStatus',
                new.payload ->> 'status', new.payload ->> 'reason', new.created_at);
    end if;
    return new;
end
$$;

create trigger outbox_status_change after insert on outbox_event
    for each row execute function record_status_change();
