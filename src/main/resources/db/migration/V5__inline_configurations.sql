-- twilio-node 6.3.1: a conversation may be created with its configuration inline, without a
-- stored configuration; its snapshot (the configuration column) is then all there is.
alter table conversation alter column configuration_id drop not null;

-- Grouping keys of inline-configured conversations are unique per account, memory store and
-- grouping type: grouping_scope holds 'inline:<memoryStoreId>:<groupingType>' for them (and stays
-- null under a configuration, whose id scopes the key as before). Additive only, so replicas of the
-- previous release keep working against this schema during a rolling update.
alter table conversation add column grouping_scope text;
create unique index conversation_open_inline_grouping_key
    on conversation (account_sid, grouping_scope, grouping_key)
    where grouping_scope is not null and status <> 'CLOSED' and grouping_key is not null;

-- statusTimeouts now require inactive < closed. A stored channel whose inactive is not less than its
-- closed loses its inactive value: the lifecycle rules already skip an inactive deadline that is not
-- before the closed one (with one timed channel nothing changes), and the configuration becomes
-- valid, so a later PATCH of another field is not refused for it. Conversation snapshots stay as
-- they were taken.
update configuration c
set settings = jsonb_set(
        c.settings,
        '{channelSettings}',
        (select jsonb_object_agg(
                    e.channel,
                    case
                        when jsonb_typeof(e.setting -> 'statusTimeouts' -> 'inactive') = 'number'
                            and jsonb_typeof(e.setting -> 'statusTimeouts' -> 'closed') = 'number'
                            and (e.setting -> 'statusTimeouts' ->> 'inactive')::integer
                                >= (e.setting -> 'statusTimeouts' ->> 'closed')::integer
                            then e.setting #- '{statusTimeouts,inactive}'
                        else e.setting
                    end)
         from jsonb_each(c.settings -> 'channelSettings') as e (channel, setting)))
where exists (select 1
              from jsonb_each(c.settings -> 'channelSettings') as e (channel, setting)
              where jsonb_typeof(e.setting -> 'statusTimeouts' -> 'inactive') = 'number'
                and jsonb_typeof(e.setting -> 'statusTimeouts' -> 'closed') = 'number'
                and (e.setting -> 'statusTimeouts' ->> 'inactive')::integer
                    >= (e.setting -> 'statusTimeouts' ->> 'closed')::integer);
