/**
 * Status callbacks: the intake reads conversation events from Kafka and writes one delivery row per
 * callback URL; the dispatcher claims due rows ({@code FOR UPDATE SKIP LOCKED}), signs and sends
 * them, retries on a schedule and keeps DEAD ones for redelivery. Action commands (the actions
 * topic) are delivered the same way, to the sender URL of their channel. All of it runs on the
 * reactive SQL client (the data plane, no Hibernate session). Uses {@code conversation} (its typed
 * configuration and response, where callback URLs come from), {@code events} (the callbacks a
 * conversation event carries), {@code subscription} (account-wide URLs), {@code action} (sender
 * URLs), {@code account} (opening signing secrets), {@code api} and {@code platform}.
 */
package io.conversationorchestrator.callback;
