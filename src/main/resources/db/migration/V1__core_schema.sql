-- Accounts and credentials. Secrets are stored only as bcrypt hashes.
create table account (
    sid             text primary key,
    auth_token_hash text        not null,
    friendly_name   text,
    created_at      timestamptz not null default now()
);

create table api_key (
    sid           text primary key,
    account_sid   text        not null references account (sid) on delete cascade,
    secret_hash   text        not null,
    friendly_name text,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
create index api_key_account on api_key (account_sid);

-- JSON columns always hold an object document (Hibernate Reactive binds JSON objects, not arrays):
-- each table keeps what queries filter on in plain columns and the rest in one document.

-- Configurations. Ids are UUIDv7, so ordering by id is ordering by creation time (keyset paging).
create table configuration (
    id                             uuid primary key,
    account_sid                    text        not null references account (sid) on delete cascade,
    display_name                   text,
    description                    text        not null,
    grouping_type                  text        not null,
    memory_store_id                text        not null,
    settings                       jsonb       not null, -- channels, callbacks, intelligence ids
    memory_extraction_enabled      boolean     not null,
    v1_bridge_service_id           text,
    version                        bigint      not null,
    created_at                     timestamptz not null,
    updated_at                     timestamptz not null
);
create index configuration_account_page on configuration (account_sid, id);
create index configuration_account_store_page on configuration (account_sid, memory_store_id, id);
-- The contract allows one configuration per Conversations v1 Service.
create unique index configuration_v1_bridge on configuration (account_sid, v1_bridge_service_id)
    where v1_bridge_service_id is not null;

-- Long-running operation records returned by the 202 control-plane calls.
create table operation (
    id           uuid primary key,
    account_sid  text        not null references account (sid) on delete cascade,
    status       text        not null,
    related      jsonb       not null,
    error        jsonb,
    created_at   timestamptz not null,
    completed_at timestamptz
);
create index operation_created on operation (created_at);

-- Idempotency-Key replay store: written in the same transaction as the change it answers for.
create table idempotency_key (
    account_sid     text        not null references account (sid) on delete cascade,
    key             uuid        not null,
    fingerprint     text        not null,
    response_status integer     not null,
    response_body   text        not null,
    response_headers jsonb      not null,
    created_at      timestamptz not null default now(),
    primary key (account_sid, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- Conversations. Deadlines are columns: next_transition_at is what the sweeper scans.
create table conversation (
    id                 uuid primary key,
    account_sid        text        not null references account (sid) on delete cascade,
    configuration_id   uuid        not null, -- no FK: the snapshot outlives a deleted configuration
    status             text        not null,
    name               text,
    metadata           jsonb       not null,
    configuration      jsonb       not null, -- effective snapshot taken at creation
    channel_activity   jsonb       not null, -- channel -> last activity instant
    grouping_key       text,
    last_activity_at   timestamptz,
    inactive_at        timestamptz,
    closes_at          timestamptz,
    next_transition_at timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index conversation_account_page on conversation (account_sid, id);
create index conversation_account_status_page on conversation (account_sid, status, id);
create index conversation_due on conversation (next_transition_at) where next_transition_at is not null;
create index conversation_open_by_configuration on conversation (configuration_id) where status <> 'CLOSED';
-- At most one open conversation per grouping key under a configuration (passive ingestion).
create unique index conversation_open_grouping_key on conversation (configuration_id, grouping_key)
    where status <> 'CLOSED' and grouping_key is not null;

create table participant (
    id              uuid primary key,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    account_sid     text        not null,
    name            text,
    type            text,
    profile_id      uuid,
    contact         jsonb       not null, -- {addresses: [...]}
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index participant_conversation_page on participant (conversation_id, id);
create index participant_contact on participant using gin (contact jsonb_path_ops);

create table communication (
    id              uuid primary key,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    account_sid     text        not null,
    channel         text        not null, -- the author's channel: what counts as activity
    body            jsonb       not null, -- {author, content, recipients}
    channel_id      text,
    resource_id     text,
    occurred_at     timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index communication_conversation_page on communication (conversation_id, occurred_at, id);
create unique index communication_resource on communication (conversation_id, resource_id)
    where resource_id is not null;
create index communication_channel_id on communication (account_sid, channel_id)
    where channel_id is not null;

-- Customer profiles (the Memory Store stand-in) and the addresses that identify them.
create table profile (
    id              uuid primary key,
    account_sid     text        not null references account (sid) on delete cascade,
    memory_store_id text        not null,
    created_at      timestamptz not null
);

create table profile_address (
    account_sid     text not null,
    memory_store_id text not null,
    address         text not null, -- normalised: E.164 for phone channels, channel:value otherwise
    profile_id      uuid not null references profile (id) on delete cascade,
    primary key (account_sid, memory_store_id, address)
);

-- Transactional outbox: appended in the transaction of the change, relayed to Kafka, then deleted.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    id           uuid        not null,
    stream       text        not null, -- logical stream, mapped to a topic name by configuration
    message_key  text        not null,
    event_type   text        not null,
    account_sid  text        not null,
    subject      text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null
);
