package io.conversationorchestrator.events;

/** Domain event types, named after the hosted product's webhook events. */
public enum EventType {
  CONFIGURATION_CREATED(EventStream.CONFIGURATIONS),
  CONFIGURATION_UPDATED(EventStream.CONFIGURATIONS),
  CONFIGURATION_DELETED(EventStream.CONFIGURATIONS),
  CONVERSATION_CREATED(EventStream.CONVERSATIONS),
  CONVERSATION_UPDATED(EventStream.CONVERSATIONS),
  CONVERSATION_DELETED(EventStream.CONVERSATIONS),
  /**
   * Our extension: the conversation closes at {@code data.closesAt} unless activity moves it
   * ({@code statusTimeouts.warnBeforeClose}); once per close deadline.
   */
  CONVERSATION_CLOSE_WARNING(EventStream.CONVERSATIONS),
  /**
   * Our extension: no agent answered a customer message within the channel's response SLA; {@code
   * sla} says which SLA, which message and how long the customer has waited. Once per message.
   */
  CONVERSATION_SLA_BREACHED(EventStream.CONVERSATIONS),
  PARTICIPANT_ADDED(EventStream.CONVERSATIONS),
  PARTICIPANT_UPDATED(EventStream.CONVERSATIONS),
  PARTICIPANT_REMOVED(EventStream.CONVERSATIONS),
  COMMUNICATION_CREATED(EventStream.CONVERSATIONS),
  COMMUNICATION_UPDATED(EventStream.CONVERSATIONS),
  /** An action ended: COMPLETED or FAILED, with previousStatus, status and reason. */
  ACTION_UPDATED(EventStream.CONVERSATIONS),
  /** A command to the channel adapters: send this message. */
  ACTION_SEND_MESSAGE_REQUESTED(EventStream.ACTIONS);

  private final EventStream stream;

  EventType(EventStream stream) {
    this.stream = stream;
  }

  public EventStream stream() {
    return stream;
  }
}
