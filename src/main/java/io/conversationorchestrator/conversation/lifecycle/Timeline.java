package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.configuration.ResponseSla;
import io.conversationorchestrator.configuration.StatusTimeouts;
import java.time.Instant;
import java.util.Map;

/**
 * What the lifecycle rules need to know of a conversation: its status, when it began, the last
 * activity of each channel, each channel's timeouts and response SLAs from its configuration
 * snapshot, its snooze (until when, and whether activity wakes it), the close deadline it was last
 * warned about (so a warning fires once per deadline, and a moved deadline re-arms it), when a
 * customer and an agent last spoke (for the timer bases), and the customer message awaiting an
 * agent's answer under an SLA.
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
    Instant lastAgentAt,
    Map<String, ResponseSla> slas,
    PendingResponse pending) {

  public Timeline {
    channelActivity = Map.copyOf(channelActivity);
    timeouts = Map.copyOf(timeouts);
    slas = Map.copyOf(slas);
  }

  /** A timeline without snooze, warning, speakers or SLAs. */
  public Timeline(
      ConversationStatus status,
      Instant createdAt,
      Map<String, Instant> channelActivity,
      Map<String, StatusTimeouts> timeouts) {
    this(status, createdAt, channelActivity, timeouts, null, true, null, null, null);
  }

  /** A timeline without SLAs. */
  public Timeline(
      ConversationStatus status,
      Instant createdAt,
      Map<String, Instant> channelActivity,
      Map<String, StatusTimeouts> timeouts,
      Instant snoozedUntil,
      boolean wakeOnActivity,
      Instant warnedFor,
      Instant lastCustomerAt,
      Instant lastAgentAt) {
    this(
        status,
        createdAt,
        channelActivity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        warnedFor,
        lastCustomerAt,
        lastAgentAt,
        Map.of(),
        null);
  }

  public boolean snoozed() {
    return snoozedUntil != null;
  }

  /** The customer spoke last: timers with the AWAITING_CUSTOMER basis are stopped. */
  public boolean customerWaiting() {
    return lastCustomerAt != null && (lastAgentAt == null || lastCustomerAt.isAfter(lastAgentAt));
  }

  public Timeline withStatus(ConversationStatus newStatus) {
    return new Builder(this).status(newStatus);
  }

  public Timeline withActivity(Map<String, Instant> activity) {
    Builder b = new Builder(this);
    b.channelActivity = activity;
    return b.build();
  }

  public Timeline withSnooze(Instant until, boolean wake) {
    Builder b = new Builder(this);
    b.snoozedUntil = until;
    b.wakeOnActivity = wake;
    return b.build();
  }

  public Timeline withWarnedFor(Instant closesAt) {
    Builder b = new Builder(this);
    b.warnedFor = closesAt;
    return b.build();
  }

  public Timeline withSpeakers(Instant customer, Instant agent) {
    Builder b = new Builder(this);
    b.lastCustomerAt = customer;
    b.lastAgentAt = agent;
    return b.build();
  }

  public Timeline withPending(PendingResponse newPending) {
    Builder b = new Builder(this);
    b.pending = newPending;
    return b.build();
  }

  /** A copy to change a few fields of. */
  private static final class Builder {
    private ConversationStatus status;
    private final Instant createdAt;
    private Map<String, Instant> channelActivity;
    private final Map<String, StatusTimeouts> timeouts;
    private Instant snoozedUntil;
    private boolean wakeOnActivity;
    private Instant warnedFor;
    private Instant lastCustomerAt;
    private Instant lastAgentAt;
    private final Map<String, ResponseSla> slas;
    private PendingResponse pending;

    Builder(Timeline t) {
      status = t.status;
      createdAt = t.createdAt;
      channelActivity = t.channelActivity;
      timeouts = t.timeouts;
      snoozedUntil = t.snoozedUntil;
      wakeOnActivity = t.wakeOnActivity;
      warnedFor = t.warnedFor;
      lastCustomerAt = t.lastCustomerAt;
      lastAgentAt = t.lastAgentAt;
      slas = t.slas;
      pending = t.pending;
    }

    Timeline status(ConversationStatus newStatus) {
      status = newStatus;
      return build();
    }

    Timeline build() {
      return new Timeline(
          status,
          createdAt,
          channelActivity,
          timeouts,
          snoozedUntil,
          wakeOnActivity,
          warnedFor,
          lastCustomerAt,
          lastAgentAt,
          slas,
          pending);
    }
  }
}
