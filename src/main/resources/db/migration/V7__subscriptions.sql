-- Subscriptions (our extension): a URL that receives the events of every conversation of the
-- account, or of the conversations of one configuration. The callback intake reads them once per
-- batch of events, by account; deliveries go to callback_delivery like any status callback.
create table subscription (
    id               uuid primary key,
    account_sid      text        not null references account (sid) on delete cascade,
    url              text        not null,
    method           text        not null, -- POST or GET
    events           jsonb,                -- {"types": [...]}: the event types wanted; null: all
    -- no cascade: a configuration with subscriptions is not deleted (409), see ConfigurationService
    configuration_id uuid        references configuration (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index subscription_account_page on subscription (account_sid, id);
create index subscription_configuration on subscription (configuration_id)
    where configuration_id is not null;
