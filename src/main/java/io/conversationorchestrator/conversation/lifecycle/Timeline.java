package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.configuration.StatusTimeouts;
import java.time.Instant;
import java.util.Map;

/**
 * What the lifecycle rules need to know of a conversation: its status, when it began, the last
 * activity of each channel, each channel's timeouts from its configuration snapshot, its snooze
 * (until when, and whether activity wakes it), and the close deadline it was last warned about (so
 * a warning fires once per deadline, and a moved deadline re-arms it), and when a customer and an
 * agent last spoke (for the timer bases).
 */
public record Timeline(
    ConversationStatus status,
    Instant createdAt,
    Map<String, Instant> channelActivity,
    Map<String, StatusTimeouts> timeouts,
    Instant snoozedUntil,
    boolean wakeOnActivity,
    Instant warnedFor,
    Instant lastCustomerAt,
    Instant lastAgentAt) {

  public Timeline {
    channelActivity = Map.copyOf(channelActivity);
    timeouts = Map.copyOf(timeouts);
  }

  /** A timeline that is not snoozed and was never warned. */
  public Timeline(
      ConversationStatus status,
      Instant createdAt,
      Map<String, Instant> channelActivity,
      Map<String, StatusTimeouts> timeouts) {
    this(status, createdAt, channelActivity, timeouts, null, true, null, null, null);
  }

  /** The customer spoke last: timers with the AWAITING_CUSTOMER basis are stopped. */
  public boolean customerWaiting() {
    return lastCustomerAt != null && (lastAgentAt == null || lastCustomerAt.isAfter(lastAgentAt));
  }

  public boolean snoozed() {
    return snoozedUntil != null;
  }

  public Timeline withStatus(ConversationStatus newStatus) {
    return new Timeline(
        newStatus,
        createdAt,
        channelActivity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        warnedFor,
        lastCustomerAt,
        lastAgentAt);
  }

  public Timeline withActivity(Map<String, Instant> activity) {
    return new Timeline(
        status,
        createdAt,
        activity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        warnedFor,
        lastCustomerAt,
        lastAgentAt);
  }

  public Timeline withSnooze(Instant until, boolean wake) {
    return new Timeline(
        status,
        createdAt,
        channelActivity,
        timeouts,
        until,
        wake,
        warnedFor,
        lastCustomerAt,
        lastAgentAt);
  }

  public Timeline withSpeakers(Instant customer, Instant agent) {
    return new Timeline(
        status,
        createdAt,
        channelActivity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        warnedFor,
        customer,
        agent);
  }

  public Timeline withWarnedFor(Instant closesAt) {
    return new Timeline(
        status,
        createdAt,
        channelActivity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        closesAt,
        lastCustomerAt,
        lastAgentAt);
  }
}
