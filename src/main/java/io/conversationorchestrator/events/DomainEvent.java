package io.conversationorchestrator.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The payload of every event on Kafka and of every JSON status callback. Status changes also carry
 * {@code previousStatus}, {@code status} and {@code reason}; CONVERSATION_SLA_BREACHED carries
 * {@code sla}; other events leave them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainEvent(
    EventType eventType,
    Instant timestamp,
    String previousStatus,
    String status,
    String reason,
    Object sla,
    Object data) {}
