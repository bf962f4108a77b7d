-- Reopen link: CLOSED stays final, and a conversation opened for a grouping key whose conversation
-- was CLOSED within orchestrator.lifecycle.reopen-link-window names it in previous_conversation_id.
-- No foreign key: like configuration_id, the link is a fact of the creation and outlives a deleted
-- conversation (deleting an old conversation must not silently change a newer one).
alter table conversation add column previous_conversation_id uuid;

-- When a conversation became CLOSED. updated_at cannot tell: a CLOSED conversation can still be
-- renamed. The trigger sets it whoever closes (the set-based sweeper, an API status change, a replica
-- of the previous release during a rolling update), to the updated_at of the closing write, which is
-- the instant its CONVERSATION_UPDATED event reports. The application never writes the column.
alter table conversation add column closed_at timestamptz;

create function conversation_set_closed_at() returns trigger
    language plpgsql as
$$
begin
    new.closed_at := new.updated_at;
    return new;
end;
$$;

create trigger conversation_closed_at
    before update on conversation
    for each row
    when (new.status = 'CLOSED' and old.status <> 'CLOSED')
execute function conversation_set_closed_at();

-- Conversations closed before this release: their last update is the best estimate of the close.
update conversation set closed_at = updated_at where status = 'CLOSED';

-- The lookup at creation: the latest CLOSED conversation of a grouping key in its scope, closed
-- since a given instant (a backward scan of one index range, first row).
create index conversation_closed_grouping_key
    on conversation (configuration_id, grouping_key, closed_at, id)
    where status = 'CLOSED' and grouping_key is not null and configuration_id is not null;
create index conversation_closed_inline_grouping_key
    on conversation (account_sid, grouping_scope, grouping_key, closed_at, id)
    where grouping_scope is not null and status = 'CLOSED' and grouping_key is not null;
