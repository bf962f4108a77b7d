-- Signing callbacks needs the auth token itself (X-Twilio-Signature is an HMAC keyed with it), so
-- besides its bcrypt hash (for authentication) the token is kept sealed with AES-GCM under a key
-- from configuration. Standard Webhooks signing secrets are sealed the same way.
alter table account add column auth_token_sealed text;

create table webhook_secret (
    id          uuid primary key,
    account_sid text        not null references account (sid) on delete cascade,
    secret      text        not null, -- sealed
    created_at  timestamptz not null,
    expires_at  timestamptz            -- set when a newer secret replaces it (rotation overlap)
);
create index webhook_secret_account on webhook_secret (account_sid, created_at);

-- One row per (event, callback URL): the durable queue of status callback deliveries.
create table callback_delivery (
    seq             bigint generated always as identity,
    id              uuid primary key,
    account_sid     text        not null,
    conversation_id uuid        not null, -- no FK: deliveries of a deleted conversation stay visible
    event_id        uuid        not null,
    event_type      text        not null,
    url             text        not null,
    method          text        not null,
    host            text        not null,
    payload         text        not null, -- the event as published
    status          text        not null, -- PENDING, FAILED_RETRYING, SUCCEEDED, DEAD
    attempts        jsonb       not null, -- {"attempts": [{at, httpStatus, latencyMs, error}]}
    next_attempt_at timestamptz,
    claimed_until   timestamptz,          -- a dispatcher is sending it; free again after this
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (event_id, url, method)        -- a redelivered event does not create a second delivery
);
create index callback_delivery_due on callback_delivery (next_attempt_at)
    where status in ('PENDING', 'FAILED_RETRYING');
-- Per conversation and URL, a delivery waits for every earlier unfinished one.
create index callback_delivery_order on callback_delivery (conversation_id, url, seq)
    where status in ('PENDING', 'FAILED_RETRYING');
create index callback_delivery_page on callback_delivery (account_sid, conversation_id, id);
