-- Lifecycle extensions (issue 16): snooze and closing warnings. next_transition_at stays the one
-- indexed deadline the sweeper scans: the nearest of inactive, close, warning and snooze end.
alter table conversation
    add column snoozed_until     timestamptz,
    add column wake_on_activity  boolean not null default true,
    add column close_warning_at  timestamptz,
    -- the close deadline the last CONVERSATION_CLOSE_WARNING was about: once per deadline
    add column close_warned_for  timestamptz;

-- Timer bases (statusTimeouts.basis): when a customer and an agent last wrote.
alter table conversation
    add column last_customer_activity_at timestamptz,
    add column last_agent_activity_at    timestamptz;

-- Response SLAs (channelSettings.<CH>.responseSla): the customer message awaiting an agent.
alter table conversation
    add column sla_kind             text, -- FIRST_RESPONSE, NEXT_RESPONSE; null when none waits
    add column sla_communication_id text,
    add column sla_since            timestamptz,
    add column sla_due_at           timestamptz,
    add column sla_breached         boolean not null default false;
