package io.conversationorchestrator.conversation;

import io.conversationorchestrator.configuration.ChannelSetting;
import io.conversationorchestrator.configuration.ResponseSla;
import io.conversationorchestrator.configuration.StatusTimeouts;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.lifecycle.PendingResponse;
import io.conversationorchestrator.conversation.lifecycle.Schedule;
import io.conversationorchestrator.conversation.lifecycle.Timeline;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A conversation row as the data plane reads and writes it with the reactive SQL client ({@link
 * ConversationRepository}, {@link ConversationRows}); a plain object, not a Hibernate entity.
 */
public class Conversation {
  public UUID id;
  public String accountSid;

  /** Null for a conversation created with an inline configuration. */
  public UUID configurationId;

  public ConversationStatus status;

  public String name;

  public Map<String, String> metadata;

  public ConversationConfiguration configuration;

  /** Channel name → ISO instant of that channel's last activity. */
  public Map<String, String> channelActivity;

  /** {@link GroupingScope#inline()} of an inline-configured conversation, else null. */
  public String groupingScope;

  public String groupingKey;

  /**
   * The latest CLOSED conversation of the same grouping key, when this one opened within the
   * reopen-link window of its close; else null. Set once, at creation.
   */
  public UUID previousConversationId;

  public Instant lastActivityAt;
  public Instant inactiveAt;
  public Instant closesAt;
  public Instant nextTransitionAt;

  /** Snoozed (INACTIVE, close timer paused) until this instant; null when not snoozed. */
  public Instant snoozedUntil;

  /** Whether a communication ends the snooze. */
  public boolean wakeOnActivity = true;

  public Instant closeWarningAt;

  /** The close deadline the last closing warning was about. */
  public Instant closeWarnedFor;

  public Instant lastCustomerActivityAt;
  public Instant lastAgentActivityAt;

  /** The customer message awaiting an agent under a response SLA: FIRST_/NEXT_RESPONSE, or null. */
  public String slaKind;

  public String slaCommunicationId;
  public Instant slaSince;
  public Instant slaDueAt;
  public boolean slaBreached;

  public Instant createdAt;

  /** When it became CLOSED: written by the database (a trigger, V9). */
  public Instant closedAt;

  public Instant updatedAt;

  public ConversationStatus status() {
    return status;
  }

  /** What the lifecycle rules see of this conversation. */
  public Timeline timeline() {
    Map<String, Instant> activity = new HashMap<>();
    channelActivity.forEach((channel, at) -> activity.put(channel, Instant.parse(at)));
    Map<String, StatusTimeouts> timeouts = new HashMap<>();
    Map<String, ResponseSla> slas = new HashMap<>();
    Map<?, ChannelSetting> settings = configuration.channelSettings();
    settings.forEach(
        (channel, setting) -> {
          if (setting != null && setting.statusTimeouts() != null) {
            timeouts.put(channel.toString(), setting.statusTimeouts());
          }
          if (setting != null && setting.responseSla() != null) {
            slas.put(channel.toString(), setting.responseSla());
          }
        });
    PendingResponse pending =
        slaKind == null
            ? null
            : new PendingResponse(slaKind, slaCommunicationId, slaSince, slaDueAt, slaBreached);
    return new Timeline(
        status(),
        createdAt,
        activity,
        timeouts,
        snoozedUntil,
        wakeOnActivity,
        closeWarnedFor,
        lastCustomerActivityAt,
        lastAgentActivityAt,
        slas,
        pending);
  }

  /** Takes the status, activity, snooze and deadlines the rules worked out. */
  public void apply(Timeline timeline, Schedule schedule) {
    status = timeline.status();
    Map<String, String> activity = new HashMap<>();
    timeline.channelActivity().forEach((channel, at) -> activity.put(channel, at.toString()));
    channelActivity = activity;
    lastActivityAt =
        Stream.concat(
                timeline.channelActivity().values().stream(),
                Stream.of(timeline.lastCustomerAt(), timeline.lastAgentAt()))
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    lastCustomerActivityAt = timeline.lastCustomerAt();
    lastAgentActivityAt = timeline.lastAgentAt();
    PendingResponse pending = timeline.pending();
    slaKind = pending == null ? null : pending.sla();
    slaCommunicationId = pending == null ? null : pending.communicationId();
    slaSince = pending == null ? null : pending.since();
    slaDueAt = pending == null ? null : pending.dueAt();
    slaBreached = pending != null && pending.breached();
    inactiveAt = schedule.inactiveAt();
    closesAt = schedule.closesAt();
    nextTransitionAt = schedule.nextTransitionAt();
    snoozedUntil = timeline.snoozedUntil();
    wakeOnActivity = timeline.wakeOnActivity();
    closeWarnedFor = timeline.warnedFor();
    closeWarningAt = schedule.closeWarningAt();
  }
}
