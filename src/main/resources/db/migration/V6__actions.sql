-- Actions: what the orchestrator asks channel adapters to do (SEND_MESSAGE). The command goes out
-- through the outbox in the creating transaction; the adapter's result or the timeout ends it.
-- (V6, not V5: another change of the same release takes V5.)
create table action (
    id              uuid primary key,
    account_sid     text        not null references account (sid) on delete cascade,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    type            text        not null, -- SEND_MESSAGE
    status          text        not null, -- PENDING, COMPLETED, FAILED
    request         jsonb       not null, -- the resolved command, as sent to the adapters
    related         jsonb       not null, -- {messageSid?, communicationId?}
    failure_reason  text,
    expires_at      timestamptz not null, -- a PENDING action past this is FAILED by the sweeper
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    completed_at    timestamptz
);
create index action_conversation_page on action (conversation_id, id);
create index action_expiry on action (expires_at) where status = 'PENDING';
