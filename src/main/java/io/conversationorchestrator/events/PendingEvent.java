package io.conversationorchestrator.events;

/** An event to append, for batch appends (the sweeper writes hundreds per transaction). */
public record PendingEvent(
    EventType type,
    String key,
    String subject,
    String accountSid,
    Object data,
    StatusChange change,
    Object sla) {

  public PendingEvent(
      EventType type,
      String key,
      String subject,
      String accountSid,
      Object data,
      StatusChange change) {
    this(type, key, subject, accountSid, data, change, null);
  }
}
