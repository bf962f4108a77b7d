-- The relay scales out (issue 15): each outbox row carries its shard, a hash of its Kafka key
-- modulo orchestrator.outbox.shards, set by the writer, so one conversation's events share a shard.
-- Each shard has a lease row that one replica holds at a time (renewed, with an expiry); a relay
-- batch locks its shard's row, so a shard is published by one replica at a time, in seq order.
-- Rows written before this migration are in shard 0 until a relay starts: it first moves every
-- row whose shard is not its key's (see OutboxShards.RESHARD).
alter table outbox_event add column shard smallint not null default 0;
create index outbox_event_shard_seq on outbox_event (shard, seq);

create table relay_shard (
    shard      smallint primary key,
    owner      text,
    expires_at timestamptz not null default '-infinity'
);

-- Replicas that run the relay, each seen at its last lease renewal: the live ones share the shards.
-- Each says its shard count: while live replicas disagree, none relays (see OutboxShards).
create table relay_member (
    id      text primary key,
    seen_at timestamptz not null,
    shards  int         not null
);

-- One lease for the whole outbox is gone: a replica of an older version stops relaying (its lease
-- query fails) rather than publish beside the sharded relays.
drop table relay_lease;
