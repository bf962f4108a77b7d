-- The outbox relay lease: the relay holds this row locked for the length of each publish batch,
-- so exactly one replica relays at a time and events leave in outbox (commit) order.
create table relay_lease (
    name text primary key
);
insert into relay_lease (name) values ('outbox');
