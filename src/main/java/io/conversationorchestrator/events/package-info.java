/**
 * Domain events: appended to the outbox in the change's transaction, relayed to Kafka in commit
 * order per key by an idempotent producer; each outbox shard (a hash of the key) is relayed by one
 * replica at a time under a lease. Uses {@code api} and {@code platform}; the features use it,
 * never the other way round.
 */
package io.conversationorchestrator.events;
