/**
 * Passive ingestion: communications arriving by REST or on the inbound Kafka topic are routed to a
 * conversation (explicit id, configuration, grouping key or capture rules), creating one when
 * needed; both entries run the same code. Uses {@code conversation}, {@code configuration}, {@code
 * account}, {@code api} and {@code platform}.
 */
package io.conversationorchestrator.ingestion;
