package io.conversationorchestrator.events;

import java.time.Instant;

/** The payload of every event on Kafka and of every JSON status callback. */
public record DomainEvent(EventType eventType, Instant timestamp, Object data) {}
